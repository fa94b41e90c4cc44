import BHXHSimulator
import CCCDTestSupport
import Foundation
import Ledger
import Testing

/// `cccdctl lookup` and `cccdctl gateway probe`, the real binary against the in-process simulator.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: BuiltProducts.executable("cccdctl").path),
                "SKIPPED: cccdctl is not built; run `swift build --build-tests` first"))
struct GatewayCLITests {
    let cccdctl = BuiltProducts.executable("cccdctl")

    /// Runs `body` with a simulator and a directory holding a mode-600 password file.
    func withSetup(_ scenario: Scenario = Fixture.scenario(),
                   _ body: (BHXHSimulator, URL) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let passwordFile = directory.appendingPathComponent("bhxh-password")
            try Data((Fixture.password + "\n").utf8).write(to: passwordFile)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile.path)
            let simulator = try await BHXHSimulator.start(scenario: scenario)
            do {
                try await body(simulator, passwordFile)
            } catch {
                await simulator.stop()
                throw error
            }
            await simulator.stop()
        }
    }

    func accountFlags(_ simulator: BHXHSimulator, _ passwordFile: URL) -> [String] {
        ["--base-url", simulator.baseURL.absoluteString, "--username", Fixture.username,
         "--password-file", passwordFile.path, "--staff-name", Fixture.staffName, "--staff-id", Fixture.staffID]
    }

    @Test func lookupPrintsTheClassifiedAnswerAsJSON() async throws {
        try await withSetup { simulator, passwordFile in
            let outcome = try await runProcess(cccdctl, ["lookup", "--id", "079205000456", "--name", "Trần Văn Thử",
                                                         "--dob", "2005-11-20", "--visit-date", "2026-12-01", "--json"]
                                               + accountFlags(simulator, passwordFile))
            #expect(outcome.status == 0, "stderr: \(outcome.stderrText)")
            let json = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
            #expect(json["outcome"] as? String == "eligible")
            #expect(json["resultCode"] as? String == "004")
            #expect(json["cardUsed"] as? String == "newCard")
            let card = try #require(json["card"] as? [String: Any])
            #expect(card["code"] as? String == "HS4790205000456")
            #expect(card["validThrough"] as? String == "2026-11-30")
            #expect((card["newCard"] as? [String: Any])?["validFrom"] as? String == "2026-12-01")
            #expect(json["gatewayCalls"] as? Int == 1)
            let printed = outcome.stdoutText + outcome.stderrText
            for secret in [Fixture.password, Fixture.passwordMD5, Fixture.passwordMD5.lowercased()] {
                #expect(!printed.contains(secret))
            }
            let token = try #require(await simulator.requests().last?.queryValue("token"))
            #expect(!printed.contains(token))
        }
    }

    @Test func aConfiguredChainFallsBackToOfflineDuringAnOutage() async throws {
        try await withSetup { simulator, passwordFile in
            let config = passwordFile.deletingLastPathComponent().appendingPathComponent("gateway.json")
            let text = """
                {"chain": ["bhxh", "offline"], "cacheWindowSeconds": 60,
                 "bhxh": {"baseURL": "\(simulator.baseURL.absoluteString)", "username": "\(Fixture.username)",
                          "passwordFile": "\(passwordFile.path)", "staffName": "\(Fixture.staffName)",
                          "staffID": "\(Fixture.staffID)", "requestTimeoutSeconds": 5}}
                """
            try Data(text.utf8).write(to: config)
            let arguments = ["lookup", "--id", "001190000123", "--name", "Nguyễn Thị Mẫu", "--dob", "1990-03-15",
                             "--json", "--config", config.path]
            let up = try await runProcess(cccdctl, arguments)
            #expect(up.status == 0, "stderr: \(up.stderrText)")
            await simulator.setOutage(true)
            let down = try await runProcess(cccdctl, arguments)
            #expect(down.status == 69)
            let json = try #require(try JSONSerialization.jsonObject(with: down.stdout) as? [String: Any])
            #expect(json["outcome"] as? String == "skipped")
            #expect(json["source"] as? String == "offline")
            #expect((json["fallbackReason"] as? [String: Any])?["code"] as? String == "gateway.httpStatus")
        }
    }

    @Test func badInputAndExposedSecretsFailWithTheirCodes() async throws {
        try await withSetup { simulator, passwordFile in
            let badBirth = try await runProcess(cccdctl, ["lookup", "--id", "001190000123", "--name", "Nguyễn Thị Mẫu",
                                                          "--dob", "15/03/1990"] + accountFlags(simulator, passwordFile))
            #expect(badBirth.status == 65)
            #expect(badBirth.stderrText.contains("[eligibility.input.malformedBirthDate]"))

            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: passwordFile.path)
            let exposed = try await runProcess(cccdctl, ["lookup", "--id", "001190000123", "--name", "Nguyễn Thị Mẫu",
                                                         "--dob", "1990-03-15"] + accountFlags(simulator, passwordFile))
            #expect(exposed.status == 78)
            #expect(exposed.stderrText.contains("[gateway.config.secretExposed]"))
            #expect(await simulator.requests().isEmpty, "nothing was sent")
        }
    }

    @Test func probeLogsInAndProvesPermissionWithoutPatientData() async throws {
        try await withSetup { simulator, passwordFile in
            let permitted = try await runProcess(cccdctl, ["gateway", "probe"] + accountFlags(simulator, passwordFile))
            #expect(permitted.status == 0, "stderr: \(permitted.stderrText)")
            #expect(permitted.stdoutText.hasPrefix("permitted: login ok, dummy lookup answered 050"))
            let requests = await simulator.requests()
            #expect(requests.map(\.path) == ["/api/token/take", "/api/egw/KQNhanLichSuKCB2024"])

            try Data("sai-mat-khau".utf8).write(to: passwordFile)
            let refused = try await runProcess(cccdctl, ["gateway", "probe"] + accountFlags(simulator, passwordFile))
            #expect(refused.status == 77)
            #expect(refused.stdoutText.hasPrefix("loginRefused"))
        }
    }

    @Test func lookupWithALedgerRecordsAManualPresentationBeforePrintingTheAnswer() async throws {
        try await withSetup { simulator, passwordFile in
            let folder = passwordFile.deletingLastPathComponent()
            let ledger = folder.appendingPathComponent("ledger.sqlite").path
            let lookup = ["lookup", "--id", "001190000123", "--name", "Nguyễn Thị Mẫu", "--dob", "1990-03-15",
                          "--visit-date", "2026-11-24", "--ledger", ledger, "--facility", "01001"] + accountFlags(simulator, passwordFile)
            let first = try await runProcess(cccdctl, lookup)
            #expect(first.status == 0, "stderr: \(first.stderrText)")
            #expect(first.stdoutText.hasSuffix("recorded in the ledger as sequence 1\n"))
            let second = try await runProcess(cccdctl, lookup + ["--json"])
            let json = try #require(try JSONSerialization.jsonObject(with: second.stdout) as? [String: Any])
            #expect(json["ledgerSequence"] as? Int == 2)
            #expect(json["outcome"] as? String == "eligible")
            let plain = try await runProcess(cccdctl, Array(lookup.prefix(9)) + ["--json"] + accountFlags(simulator, passwordFile))
            #expect(plain.status == 0)
            let plainJSON = try #require(try JSONSerialization.jsonObject(with: plain.stdout) as? [String: Any])
            #expect(plainJSON["ledgerSequence"] == nil, "not recorded without --ledger")
            let missing = try await runProcess(cccdctl, Array(lookup.prefix(11)) + accountFlags(simulator, passwordFile))
            #expect(missing.status != 0 && missing.stderrText.contains("--facility"))

            // The same person twice: one pseudonym, source manual, no identity in the file.
            let records = try Ledger(readOnlyAt: ledger, publicKey: nil).records()
            #expect(records.map(\.source) == ["manual", "manual"])
            #expect(records.map(\.resultClass) == ["eligible", "eligible"])
            #expect(records[0].subject == records[1].subject && records[0].subject.count == 64)
            #expect(records.allSatisfy { $0.facility == "01001" && $0.kiosk == "cccdctl" && $0.recheckOf == 0 })
            let verify = try await runProcess(cccdctl, ["ledger", "verify", "--ledger", ledger])
            #expect(verify.stdoutText.hasPrefix("intact: 2 records verified"))
            let secretMode = try FileManager.default.attributesOfItem(atPath: ledger + ".site-secret")[.posixPermissions] as? Int
            #expect(secretMode == 0o600)
            let bytes = try [ledger, ledger + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
                .map { String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self) }.joined()
            for personal in ["001190000123", "Nguyễn Thị Mẫu", "15/03/1990", "GD4010190000123"] {
                #expect(!bytes.contains(personal))
            }
        }
    }
}
