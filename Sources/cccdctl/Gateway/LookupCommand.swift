import ArgumentParser
import AsyncHTTPClient
import CCCDIdentity
import Eligibility
import EligibilityGateways
import Foundation
import Ledger

/// `cccdctl lookup`: one eligibility question, asked through the configured gateway chain.
///
/// Exit status: 0 when the gateway answered (whatever the class), 65 for bad input, 69 when no
/// answer could be obtained (transient or skipped), 78 for a configuration error, 74 when the
/// lookup could not be recorded in the ledger (`--ledger`).
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look up BHYT eligibility for a person on a visit date.",
        discussion: """
            Sends the CCCD (or --card) with the name and date of birth to the configured gateway and \
            prints the classified answer. With --ledger the lookup is first recorded as a manual \
            presentation and its sequence number printed. Exit status: 0 answered, 65 bad input, 69 no \
            answer (transient/offline), 78 configuration error, 74 not recorded in the ledger.
            """
    )

    @Option(help: "The 12-digit CCCD number.")
    var id: String

    @Option(help: "Full name as on the ID card.")
    var name: String

    @Option(help: "Date of birth, YYYY-MM-DD or a bare YYYY.")
    var dob: String

    @Option(help: "Query this BHYT card code (15 characters) or BHXH number (10 digits) instead of the CCCD.")
    var card: String?

    @Option(name: .customLong("visit-date"), help: "YYYY-MM-DD; today in Vietnam (UTC+7) when absent.")
    var visitDate: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .en

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup var recording: LookupLedgerOptions

    func run() async throws {
        let query: EligibilityQuery
        do {
            query = try makeQuery()
        } catch {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(65)
        }
        let file: GatewayConfigurationFile
        do {
            file = try gateway.configurationFile()
        } catch let error as GatewayConfigurationError {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(78)
        }
        let client = HTTPClient.eligibilityClient()
        let chain: any EligibilityGateway
        do {
            chain = try file.makeGateway(httpClient: client, logger: GatewayOptions.logger)
        } catch {
            try await client.shutdown()
            StandardError.writeLine(error, in: lang)
            throw ExitCode(78)
        }
        let result = await chain.lookUp(query)
        try await client.shutdown()
        // Recorded (committed) before the answer is shown, as at a kiosk.
        let record: LedgerRecord?
        do {
            record = try recording.record(result, idNumber: id)
        } catch let error as LedgerError {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(74)
        }
        if json {
            var output = EligibilityResultJSON(result)
            output.ledgerSequence = record?.sequence
            print(try output.rendered(), terminator: "")
        } else {
            print(Self.summary(result, in: lang), terminator: "")
            if let record { print("recorded in the ledger as sequence \(record.sequence)") }
        }
        switch result.outcome {
        case .configurationError: throw ExitCode(78)
        case .transient, .skipped: throw ExitCode(69)
        default: break
        }
    }

    private func makeQuery() throws(EligibilityInputError) -> EligibilityQuery {
        guard PersonalID(id) != nil else { throw EligibilityInputError(.malformedSubject, diagnostic: id) }
        let subjectText = card ?? id
        let birth: BHYTBirthDate
        if let date = CivilDate(iso8601: dob) {
            birth = .date(date)
        } else if dob.count == 4, let year = Int(dob), year > 1900 {
            birth = .yearOnly(year)
        } else {
            throw EligibilityInputError(.malformedBirthDate, diagnostic: dob)
        }
        let visit: CivilDate
        if let visitDate {
            guard let parsed = CivilDate(iso8601: visitDate) else {
                throw EligibilityInputError(.malformedVisitDate, diagnostic: visitDate)
            }
            visit = parsed
        } else {
            visit = FacilityDate.today()
        }
        return try EligibilityQuery(subject: LookupSubject(parsing: subjectText), fullName: name,
                                    birthDate: birth, visitDate: visit)
    }

    /// A few lines for a person at a terminal.
    static func summary(_ result: EligibilityResult, in language: Language) -> String {
        var lines = ["\(result.outcome.rawValue) [\(result.resultCode ?? "-")] \(result.explanation[language])"]
        if let card = result.card {
            var line = "card \(card.code)"
            if let validity = card.validity { line += " valid \(validity.from.iso8601)…\(validity.through.iso8601)" }
            if let facility = card.registeredFacility { line += " facility \(facility)" }
            lines.append(line)
            if let newCard = card.newCard { lines.append("new card \(newCard.code)") }
        }
        if result.cardUsed != .queried { lines.append("verdict rests on: \(result.cardUsed.rawValue)") }
        if let problem = result.problem { lines.append("\(problem.message[language]) [\(problem.code)]") }
        if let reason = result.fallbackReason { lines.append("fallback because: \(reason.message[language]) [\(reason.code)]") }
        lines.append("\(result.source), \(result.gatewayCalls) call(s)\(result.servedFromCache ? ", cached" : "")")
        return lines.joined(separator: "\n") + "\n"
    }
}
