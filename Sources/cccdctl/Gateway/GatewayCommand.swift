import ArgumentParser
import AsyncHTTPClient
import CCCDIdentity
import EligibilityGateways
import Foundation

struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Check the eligibility gateway configuration.",
        subcommands: [GatewayProbeCommand.self]
    )
}

/// `cccdctl gateway probe`: log in and look up a dummy code (spec §6). Sends no patient data.
/// Exit status 0 when permitted, 77 (EX_NOPERM) when refused, 69 when unreachable, 78 when misconfigured.
struct GatewayProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Log in to BHXH egw and prove API permission with a dummy lookup.",
        discussion: "Exit status: 0 permitted, 77 refused, 69 unreachable, 78 configuration error."
    )

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .en

    func run() async throws {
        let configuration: BHXHConfiguration
        do {
            configuration = try gateway.configurationFile().bhxhConfiguration()
        } catch let error as GatewayConfigurationError {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(78)
        }
        let client = HTTPClient.eligibilityClient()
        let report = await BHXHEgwGateway(configuration: configuration, httpClient: client, logger: GatewayOptions.logger).probe()
        try await client.shutdown()
        var line = "\(report.verdict.rawValue): login \(report.loginSucceeded ? "ok" : "failed")"
        if let code = report.resultCode { line += ", dummy lookup answered \(code)" }
        if let status = report.httpStatus { line += ", HTTP \(status)" }
        if let problem = report.problem { line += " — \(problem.message[lang]) [\(problem.code)]" }
        print(line)
        switch report.verdict {
        case .permitted: break
        case .loginRefused, .permissionRefused: throw ExitCode(77)
        case .unreachable: throw ExitCode(69)
        }
    }
}
