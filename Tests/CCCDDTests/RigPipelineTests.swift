import CCCDTestSupport
import Foundation
import Ledger
import Testing

/// A patient's whole presentation through the production daemon and real PC/SC: the QR from a pty
/// scanner, the card from the `cccd-vcard` binary through pcscd and vpcd, eligibility from
/// `bhxh-sim`, the record read back from the daemon's ledger as an auditor reads it.
@Suite("cccdd on the PC/SC rig: pcscd + vpcd + cccd-vcard + bhxh-sim + a pty scanner", .serialized,
       .enabled(if: RigDaemon.available))
struct RigPipelineTests {
    @Test("QR then card: one ledger record (chip, authentic, eligible); readingProgress, verified and result stream in that order")
    func qrThenCard() async throws {
        try await RigDaemon.run { rig in
            let events = try await EventStreamClient.open(rig.client, token: try rig.token)
            defer { events.close() }
            try rig.scan(SamplePayload.mau)
            #expect(await events.waitFor("scanReceived"), "\(rig.daemon.output)")
            try await rig.withCard("nguyen-thi-mau") {
                #expect(await events.waitFor("result"), "\(events.kinds) \(rig.daemon.output)")
            }
            let kinds = events.kinds
            let order = ["scanReceived", "cardDetected", "readingProgress", "verified", "lookupStarted", "result"]
            let positions = order.compactMap { kinds.firstIndex(of: $0) }
            #expect(positions.count == order.count, "\(kinds)")
            #expect(positions == positions.sorted(), "\(kinds)")

            let records = try await PipelineThroughDaemonTests.waitForRecords(1, in: rig.ledgerPath)
            #expect(records.count == 1)
            let record = try #require(records.first)
            #expect(record.source == "chip")
            #expect(record.chipVerdict == "authentic", "failed checks: \(record.failedChecks)")
            #expect(record.resultClass == "eligible")
            #expect(record.resultCode == "000")
            #expect(record.gatewayAdapter.hasPrefix("bhxh"), "\(record.gatewayAdapter)")
            #expect(!rig.daemon.output.contains("Nguyễn Thị Mẫu"))
            #expect(!rig.daemon.output.contains("001190000123"))
        }
    }

    @Test("pcscd killed and restarted under a card on the reader: STATUS and cccdctl show it gone then back, the next presentation works")
    func pcscdRestart() async throws {
        try await RigDaemon.run { rig in
            guard rig.pcsc.ownsService else {
                print("SKIPPED: pcscd is a system service here; the rig will not kill it")
                return
            }
            let events = try await EventStreamClient.open(rig.client, token: try rig.token)
            defer { events.close() }
            try await rig.withCard("nguyen-thi-mau") {
                #expect(await events.waitFor("qrNeeded"), "a card alone asks for the QR: \(events.kinds)")
                try await rig.pcsc.killService()
                let lost = await rig.notifications.receive(until: { $0.contains("STATUS=pcscd unavailable") }, within: .seconds(20))
                #expect(lost != nil, "\(rig.daemon.output)")
                #expect(try await rig.status().contains("Readers: pcscd is not answering"))

                try await rig.pcsc.startService()
                let back = await rig.notifications.receive(until: { $0.hasPrefix("STATUS=") && !$0.contains("pcscd unavailable") },
                                                           within: .seconds(30))
                #expect(back != nil, "\(rig.daemon.output)")
                // The card never left the field: once pcscd is back it is seen again, and the desk asks again.
                try await rig.waitForStatus("the card back on the reader") { $0.contains("\(PCSCRig.firstReaderName)  [card]") }
                #expect(await events.waitFor("cardDetected", count: 2), "\(events.kinds)")
                try rig.scan(SamplePayload.mau)
                #expect(await events.waitFor("result"), "\(events.kinds) \(rig.daemon.output)")
            }
            let records = try await PipelineThroughDaemonTests.waitForRecords(1, in: rig.ledgerPath)
            #expect(records.count == 1)
            #expect(records.first?.source == "chip")
            #expect(records.first?.chipVerdict == "authentic")
            #expect(records.first?.resultClass == "eligible")
            #expect(rig.daemon.output.contains("pcscd is back"))
            let metrics = try await rig.client.send(.GET, "/metrics", headers: [("Authorization", "Bearer \(try rig.token)")])
            #expect(metrics.body.contains("cccdd_pcscd_reconnects_total 1"), "\(metrics.body)")
        }
    }
}
