import CCCDTestSupport
import Foundation
import GRDB
import Ledger
import Testing

@Suite("Tamper evidence: hash chain, triggers, signed checkpoints")
struct ChainTests {
    @Test("An untouched ledger verifies; stored checkpoints are signed and match the chain")
    func intact() async throws {
        try await withTemporaryLedger { ledger, _ in
            try Fixtures.fill(ledger, count: 55)
            let result = try ledger.verify()
            #expect(result.isIntact)
            #expect(result.recordsChecked == 55)
            #expect(result.headSequence == 55)
            let checkpoints = try ledger.checkpoints()
            #expect(checkpoints.map(\.sequence) == [10, 20, 30, 40, 50])
            #expect(checkpoints.allSatisfy { $0.isSignatureValid })
            #expect(try Checkpoint.parse(from: "log: " + checkpoints[2].line + "\n") == checkpoints[2])
        }
    }

    @Test("Triggers reject UPDATE and DELETE through SQLite itself")
    func triggers() async throws {
        try await withTemporaryLedger { ledger, folder in
            try Fixtures.fill(ledger, count: 12)  // one checkpoint at 10
            let queue = try DatabaseQueue(path: folder.appendingPathComponent("ledger.sqlite").path)
            #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE presentation SET result_class = 'eligible'") } }
            #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM presentation WHERE sequence = 2") } }
            #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM checkpoint") } }
            #expect(try ledger.verify().isIntact)
        }
    }

    @Test("A row edited with the sqlite3 tool (triggers dropped) is the first broken record")
    func editedRow() async throws {
        try await withTemporaryLedger { ledger, folder in
            try Fixtures.fill(ledger, count: 40)
            let database = folder.appendingPathComponent("ledger.sqlite")
            guard try await Fixtures.sqlite3(database, """
                DROP TRIGGER presentation_append_only;
                UPDATE presentation SET result_class = CASE result_class WHEN 'eligible' THEN 'notFound' ELSE 'eligible' END WHERE sequence = 17;
                """) != nil else { return }
            let result = try ledger.verify()
            #expect(result.firstBroken == 17)
            #expect(result.breakReason == .hashMismatch)
            #expect(result.recordsChecked == 16)
        }
    }

    @Test("A row deleted with the sqlite3 tool is reported as the missing sequence")
    func deletedRow() async throws {
        try await withTemporaryLedger { ledger, folder in
            try Fixtures.fill(ledger, count: 40)
            let database = folder.appendingPathComponent("ledger.sqlite")
            guard try await Fixtures.sqlite3(database, "DROP TRIGGER presentation_no_delete; DELETE FROM presentation WHERE sequence = 23;") != nil else { return }
            let result = try ledger.verify()
            #expect(result.firstBroken == 23)
            #expect(result.breakReason == .missingRecord)
        }
    }

    @Test("Deleting the newest records is caught by a checkpoint covering them")
    func truncatedEnd() async throws {
        try await withTemporaryLedger { ledger, folder in
            try Fixtures.fill(ledger, count: 25)
            let kept = try ledger.writeCheckpoint(at: Fixtures.morning)
            let database = folder.appendingPathComponent("ledger.sqlite")
            guard try await Fixtures.sqlite3(database, "DROP TRIGGER presentation_no_delete; DELETE FROM presentation WHERE sequence > 22;") != nil else { return }
            let result = try ledger.verify(against: kept)
            #expect(result.firstBroken == 23)
            #expect(result.breakReason == .truncated)
        }
    }

    @Test("A whole-file rewrite with a recomputed chain is detected against an earlier checkpoint")
    func wholeFileRewrite() async throws {
        try await withTemporaryDirectory { folder in
            let original = try Fixtures.open(folder)
            try Fixtures.fill(original, count: 30)
            let exported = try original.writeCheckpoint(at: Fixtures.morning)
            // The forger rebuilds the whole file: same records except one outcome, a fresh chain,
            // fresh checkpoints signed with a key of their own (they do not have the device key).
            var records = try original.records()
            records[11].resultClass = "eligible"
            records[11].resultCode = "000"
            let forgedFolder = folder.appendingPathComponent("forged")
            try FileManager.default.createDirectory(at: forgedFolder, withIntermediateDirectories: true)
            let forgedKey = DeviceKey()
            let forged = try Fixtures.open(forgedFolder, key: forgedKey)
            for record in records {
                try forged.append(Presentation(
                    instantMilliseconds: record.instantMilliseconds, facility: record.facility, kiosk: record.kiosk,
                    source: InputSource(rawValue: record.source)!, chipVerdict: ChipVerdict(rawValue: record.chipVerdict)!,
                    failedChecks: record.failedChecks.isEmpty ? [] : record.failedChecks.split(separator: ",").map(String.init),
                    gatewayAdapter: record.gatewayAdapter, outcome: record.outcome!, resultCode: record.resultCode.isEmpty ? nil : record.resultCode,
                    gatewayCalls: Int(record.gatewayCalls), latencyMilliseconds: record.latencyMilliseconds, subject: nil,
                    recheckOf: record.recheckOf == 0 ? nil : record.recheckOf))
            }
            // Internally consistent: the forged file verifies on its own…
            #expect(try forged.verify().isIntact)
            // …but not against the checkpoint exported earlier.
            let result = try forged.verify(against: exported)
            #expect(!result.isIntact)
            #expect(result.breakReason == .checkpointMismatch)
            #expect(result.firstBroken == 30)
            // And the genuine file still matches it.
            #expect(try original.verify(against: exported).isIntact)
        }
    }

    @Test("A checkpoint whose text was altered fails its signature and is refused")
    func alteredCheckpoint() throws {
        let key = DeviceKey()
        var line = Checkpoint(sequence: 1, head: String(repeating: "0", count: 64), at: 1, key: key.publicKeyHex, signature: "00").line
        #expect(throws: LedgerError.self) { try Checkpoint.parse(from: line) }
        line = "nothing here"
        #expect(throws: LedgerError.self) { try Checkpoint.parse(from: line) }
    }
}
