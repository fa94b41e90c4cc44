import CCCDIdentity
import AsyncHTTPClient
import CCCDTestSupport
import Eligibility
import EligibilityGateways
import Foundation
import Testing

/// The real `bhxh-sim` binary with the shipped demo scenario, driven by the real client.
@Suite struct BHXHSimExecutableTests {
    static let demoScenario = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/bhxh-sim/demo-scenario.json")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: BuiltProducts.executable("bhxh-sim").path),
                   "SKIPPED: bhxh-sim is not built; run `swift build --build-tests` first"))
    func theDemoScenarioAnswersTheSpecSamplePeople() async throws {
        let process = Process()
        process.executableURL = BuiltProducts.executable("bhxh-sim")
        process.arguments = ["--listen", "127.0.0.1:0", "--scenario", Self.demoScenario.path, "--exit-on-stdin-eof"]
        let output = Pipe()
        // Held open for the test's lifetime; if the test process dies, the child sees EOF and exits.
        let lifeline = Pipe()
        process.standardInput = lifeline
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        let baseURL = try #require(Self.announcedURL(output.fileHandleForReading))

        let client = HTTPClient.eligibilityClient()
        let configuration = BHXHConfiguration(
            baseURL: baseURL, username: "01001_BV", password: Secret("demo-mat-khau"),
            staffName: "Lê Thị Tiếp Đón", staffID: "001186000777", retryDelay: .milliseconds(1))
        let gateway = BHXHEgwGateway(configuration: configuration, httpClient: client)
        let visit = CivilDate(year: 2026, month: 11, day: 24)!
        let mau = await gateway.lookUp(try EligibilityQuery(
            subject: LookupSubject(parsing: "001190000123"), fullName: "Nguyễn Thị Mẫu",
            birthDate: .date(CivilDate(year: 1990, month: 3, day: 15)!), visitDate: visit))
        let thu = await gateway.lookUp(try EligibilityQuery(
            subject: LookupSubject(parsing: "079205000456"), fullName: "Trần Văn Thử",
            birthDate: .date(CivilDate(year: 2005, month: 11, day: 20)!), visitDate: visit))
        try await client.shutdown()

        #expect(mau.outcome == .eligible)
        #expect(mau.card?.code == "GD4010190000123")
        #expect(thu.resultCode == "004")
        #expect(thu.outcome == .eligible)
        #expect(thu.cardUsed == .previousCard)

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "SIGTERM is handled as a clean shutdown")
        #expect(process.terminationStatus == 0)
        withExtendedLifetime(lifeline) {}
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: BuiltProducts.executable("bhxh-sim").path),
                   "SKIPPED: bhxh-sim is not built; run `swift build --build-tests` first"))
    func theSimulatorExitsWhenItsParentsPipeCloses() throws {
        let process = Process()
        process.executableURL = BuiltProducts.executable("bhxh-sim")
        process.arguments = ["--listen", "127.0.0.1:0", "--scenario", Self.demoScenario.path, "--exit-on-stdin-eof"]
        let output = Pipe(), lifeline = Pipe()
        process.standardInput = lifeline
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        _ = try #require(Self.announcedURL(output.fileHandleForReading))
        try lifeline.fileHandleForWriting.close()
        // A safety bound, not a timing assertion: a child that ignores EOF fails here instead of hanging the suite.
        for _ in 0..<200 where process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning, "bhxh-sim did not exit at end of standard input")
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    /// Reads stdout until the "listening on http://…" line.
    static func announcedURL(_ handle: FileHandle) -> URL? {
        var collected = ""
        while !collected.contains("\n") {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            collected += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = collected.range(of: "http://") else { return nil }
        let line = collected[range.lowerBound...].prefix { !$0.isWhitespace }
        return URL(string: String(line))
    }
}
