import CCCDTestSupport
import Foundation
import Testing

@Suite("cccdd --demo: the sample patients through the whole pipeline, and the API locked against other origins",
       .enabled(if: DemoDaemon.available))
struct DemoTests {
    @Test("every sample patient ends with the expected verdict and BHYT class; the ledger counts them; logs hold no personal data")
    func samplePatients() async throws {
        try await DemoDaemon.run { demo in
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
}
