import CCCDTestSupport
import Eligibility
import Foundation
import Ledger
import Logging

/// Invented people and a ledger filled with them.
enum Fixtures {
    /// Invented ID numbers (prefix 999, no province has it) the privacy test looks for in the file.
    static let idNumbers = ["999123456789", "999000111222", "999555666777"]
    static let secret = Data("test site secret, invented, 32 bytes!".utf8)

    static func pseudonymizer() throws -> SubjectPseudonymizer { try SubjectPseudonymizer(secret: secret) }

    /// 2024-02-01 08:00 +07:00 in UTC milliseconds.
    static let morning: Int64 = 1_706_749_200_000

    static func open(_ folder: URL, key: DeviceKey = DeviceKey(), every: Int64 = 10) throws -> Ledger {
        try Ledger(path: folder.appendingPathComponent("ledger.sqlite").path, signer: key,
                   configuration: LedgerConfiguration(checkpointEvery: every))
    }

    static func presentation(_ index: Int, outcome: EligibilityClass = .eligible, code: String? = "000",
                             source: InputSource = .chip, recheckOf: Int64? = nil) throws -> Presentation {
        Presentation(
            instantMilliseconds: morning + Int64(index) * 60_000, facility: "24001", kiosk: "kiosk-1", source: source,
            chipVerdict: source == .chip ? .authentic : .notRead, gatewayAdapter: "bhxh-egw", outcome: outcome,
            resultCode: code, gatewayCalls: 1, latencyMilliseconds: 200 + Int64(index % 7) * 10,
            subject: try pseudonymizer().pseudonym(of: idNumbers[index % idNumbers.count]), recheckOf: recheckOf)
    }

    /// Appends `count` sample presentations (the CLI's generator) and returns the last record.
    @discardableResult
    static func fill(_ ledger: Ledger, count: Int, seed: UInt64 = 7, perDay: Int = 200) throws -> LedgerRecord? {
        var generator = try SamplePresentations(seed: seed, perDay: perDay)
        var previous: LedgerRecord?
        for _ in 0..<count { previous = try ledger.append(generator.next(after: previous)) }
        return previous
    }

    /// Runs the `sqlite3` CLI on `database` with `sql`; nil (and a SKIPPED line) when it is not installed.
    static func sqlite3(_ database: URL, _ sql: String) async throws -> String? {
        guard let tool = which("sqlite3") else {
            print("SKIPPED: sqlite3 CLI not installed (make test-deps installs it)")
            return nil
        }
        let outcome = try await runProcess(tool, ["-batch", "-bail", database.path, sql])
        guard outcome.status == 0 else { throw SQLiteToolFailed(message: outcome.stderrText) }
        return outcome.stdoutText
    }

    static var hasSQLite3: Bool { which("sqlite3") != nil }
}

struct SQLiteToolFailed: Error {
    var message: String
}
