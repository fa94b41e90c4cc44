import CCCDTestSupport
import Foundation
import Testing

@Suite("cccdd --demo: the sample patients through the whole pipeline, and the API locked against other origins",
       .enabled(if: DemoDaemon.available))
struct DemoTests {
    @Test("every sample patient ends with the expected verdict and BHYT class; the ledger counts them; logs hold no personal data")
    func samplePatients() async throws {
        try await DemoDaemon.run { demo in
            try await Self.presentEverySample(demo, reader: "Demo reader (virtual) 00 00")
            #expect(demo.daemon.output.contains("demo cards go on an in-process reader"))
        }
    }

    @Test("with pcscd and vpcd there, the demo's cards go through them: vpcd's reader, real PC/SC insertions and reads",
          .enabled(if: PCSCRig.isAvailable))
    func samplePatientsThroughPCSC() async throws {
        try await PCSCRig.withRig { _ in
            try await DemoDaemon.run(reader: "vpcd") { demo in
                try await Self.presentEverySample(demo, reader: PCSCRig.firstReaderName)
                #expect(demo.daemon.output.contains("demo cards go on pcscd's vpcd reader"))
            }
        }
    }

    /// Presents each sample patient, checks what the desk shows, the ledger count, the metrics, the
    /// reader the status board lists, and that no personal data or secret reached the output.
    private static func presentEverySample(_ demo: DemoDaemon, reader: String) async throws {
        let cookie = try #require(try await demo.client.login(token: demo.loginToken))
        let expected: [(String, String?, String)] = [
            ("insured", "authentic", "eligible"),
            ("expiredCard", nil, "notEligible"),
            ("newCard", nil, "eligible"),
            ("clonedChip", "suspicious", "eligible"),
            ("qrChipMismatch", "suspicious", "demographicMismatch"),
            ("gatewayDown", "authentic", "transient"),
        ]
        for (patient, verdict, outcome) in expected {
            let session = try await demo.present(patient, cookie: cookie)
            let shownVerdict = (session["verdict"] as? [String: Any])?["kind"] as? String
            let shownClass = (session["eligibility"] as? [String: Any])?["class"] as? String
            #expect(shownVerdict == verdict, "\(patient): verdict \(shownVerdict ?? "none")")
            #expect(shownClass == outcome || (outcome == "transient" && shownClass == "skipped"), "\(patient): \(shownClass ?? "none")")
        }
        let status = try await demo.client.send(.GET, "/api/v1/status", headers: [("Cookie", cookie)])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.body.utf8)) as? [String: Any])
        #expect((object["ledger"] as? [String: Any])?["records"] as? Int == expected.count)
        #expect(object["demo"] as? Bool == true)
        let readers = (object["readers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(readers == [reader])

        let metrics = try await demo.client.send(.GET, "/metrics")
        #expect(metrics.status == 200)
        for family in ["cccdd_lookups_total{", "cccdd_verdicts_total{", "cccdd_chip_reads_total{", "cccdd_ledger_records "] {
            #expect(metrics.body.contains(family), "\(family) missing from /metrics")
        }
        #expect(metrics.body.contains("cccdd_ledger_records \(expected.count)"))

        let log = demo.daemon.output + metrics.body
        for secret in ["001190000123", "024150000789", "Nguyễn Thị Mẫu", "Đặng Thị Ngọc Hường", "Trần Văn Thử", "15031990",
                       "demo-mat-khau", String(cookie.dropFirst("cccdd_session=".count))] {
            #expect(!log.contains(secret), "the daemon's output or metrics contain personal data or a secret")
        }
    }
}
