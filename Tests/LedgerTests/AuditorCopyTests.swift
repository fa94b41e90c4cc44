import CCCDTestSupport
import Crypto
import Foundation
import Ledger
import Testing

@Suite("An auditor's copy: read-only, verified against the device's public key only")
struct AuditorCopyTests {
    static func digest(_ path: String) throws -> Data {
        Data(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("The copy verifies with the device's public key, not with another key, and is never written")
    func copyVerifies() async throws {
        try await withTemporaryDirectory { folder in
            let key = DeviceKey()
            try {
                let ledger = try Fixtures.open(folder, key: key, every: 10)
                try Fixtures.fill(ledger, count: 45)
            }()
            let audit = folder.appendingPathComponent("audit")
            try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true)
            let copy = audit.appendingPathComponent("copy.sqlite").path
            try FileManager.default.copyItem(atPath: folder.appendingPathComponent("ledger.sqlite").path, toPath: copy)
            let before = try Self.digest(copy)

            let right = try Ledger(readOnlyAt: copy, publicKey: try DevicePublicKey(hex: key.publicKeyHex + "\n"))
            #expect(right.isReadOnly)
            let intact = try right.verify()
            #expect(intact.isIntact && intact.recordsChecked == 45)
            #expect(try right.statistics(StatisticsQuery(includeLatency: false)).headline.presentations > 0)
            #expect(throws: LedgerError(.readOnly, diagnostic: copy)) { try right.append(Fixtures.presentation(1)) }
            #expect(throws: LedgerError(.readOnly, diagnostic: copy)) { try right.writeCheckpoint(at: Fixtures.morning) }

            let wrong = try Ledger(readOnlyAt: copy, publicKey: DeviceKey().publicKey).verify()
            #expect(!wrong.isIntact)
            #expect(wrong.breakReason == .checkpointSignature)
            #expect(wrong.firstBroken == 10)

            #expect(throws: LedgerError.self) {
                try Ledger(readOnlyAt: copy, publicKey: nil).verify()
            }
            #expect(try Self.digest(copy) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: audit.path) == ["copy.sqlite"], "no journal or index files")
        }
    }

    @Test("Malformed public keys and missing files are typed errors")
    func badInput() throws {
        for text in ["", "abc", String(repeating: "g", count: 64), String(repeating: "a", count: 66)] {
            #expect(throws: LedgerError.self, "\(text)") { try DevicePublicKey(hex: text) }
        }
        #expect(throws: LedgerError(.unavailable, diagnostic: "/nonexistent/l.sqlite: no such file")) {
            try Ledger(readOnlyAt: "/nonexistent/l.sqlite", publicKey: nil)
        }
    }

    @Test("Time-based checkpoints: written when records were added and the last one is old enough, not when idle")
    func checkpointIfDue() async throws {
        try await withTemporaryLedger(every: 0) { ledger, _ in
            let minute: Int64 = 60_000
            #expect(try ledger.writeCheckpointIfDue(now: Fixtures.morning, interval: .seconds(300)) == nil, "empty ledger")
            try Fixtures.fill(ledger, count: 3)
            let first = try #require(try ledger.writeCheckpointIfDue(now: Fixtures.morning, interval: .seconds(300)))
            #expect(first.sequence == 3 && first.isSignatureValid)
            try Fixtures.fill(ledger, count: 2, seed: 9)
            #expect(try ledger.writeCheckpointIfDue(now: Fixtures.morning + 4 * minute, interval: .seconds(300)) == nil, "too soon")
            let second = try #require(try ledger.writeCheckpointIfDue(now: Fixtures.morning + 5 * minute, interval: .seconds(300)))
            #expect(second.sequence == 5)
            #expect(try ledger.writeCheckpointIfDue(now: Fixtures.morning + 60 * minute, interval: .seconds(300)) == nil, "idle")
            #expect(try ledger.checkpoints() == [first, second])
        }
    }
}
