import CCCDTestSupport
import Foundation
import Glibc
import Testing
import SmartCardReader
import VirtualCard

/// The real `cccdctl readers` binary against the rig.
@Suite("cccdctl readers", .serialized, .enabled(if: PCSCRig.isAvailable))
struct ReadersCommandTests {
    private func cccdctl(_ arguments: [String]) async throws -> ProcessOutcome {
        try await runProcess(BuiltProducts.executable("cccdctl"), ["readers"] + arguments)
    }

    @Test("--json lists both virtual readers, the card's ATR and the capabilities")
    func json() async throws {
        try await PCSCRig.withRig { _ in
            try await withInsertedCard(TransparentFileCard(files: [:])) { _ async throws in
                let service = PCSCService()
                #expect(try await waitForCard(true, in: PCSCRig.firstReaderName, service: service))
                let outcome = try await cccdctl(["--json"])
                #expect(outcome.status == 0, "\(outcome.stderrText)")
                let root = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
                let readers = try #require(root["readers"] as? [[String: Any]])
                let first = try #require(readers.first { $0["name"] as? String == PCSCRig.firstReaderName })
                let second = try #require(readers.first { $0["name"] as? String == PCSCRig.secondReaderName })
                #expect(first["cardPresent"] as? Bool == true)
                #expect(first["atr"] as? String == TransparentFileCard.defaultATR.map { String(format: "%02X", $0) }.joined())
                #expect(first["cardDeclaresExtendedLength"] as? Bool == true)
                let capabilities = try #require(first["capabilities"] as? [String: Any])
                #expect(capabilities["supportsExtendedLength"] as? Bool == true)
                #expect(capabilities["maxCommandLength"] as? Int == 65535)
                #expect(capabilities["maxResponseLength"] as? Int == 65535)
                #expect(capabilities["basis"] as? String == "knownModel")
                #expect(second["cardPresent"] as? Bool == false)
                #expect(second["atr"] is NSNull)
                #expect(second["cardDeclaresExtendedLength"] is NSNull)
            }
        }
    }

    @Test("Text output has one line per reader")
    func text() async throws {
        try await PCSCRig.withRig { _ in
            let outcome = try await cccdctl([])
            #expect(outcome.status == 0)
            let lines = outcome.stdoutText.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("\(PCSCRig.firstReaderName): no card; extended APDUs") })
            #expect(lines.contains { $0.hasPrefix("\(PCSCRig.secondReaderName): no card") })
        }
    }

    @Test("--watch --json prints card events as lines while it runs")
    func watch() async throws {
        try await PCSCRig.withRig { _ in
            try await withTemporaryDirectory { folder in
                let log = folder.appendingPathComponent("watch.jsonl")
                let watcher = try SpawnedProcess(
                    executable: BuiltProducts.executable("cccdctl").path,
                    arguments: ["readers", "--watch", "--json"], logPath: log.path
                )
                defer { watcher.signal(SIGKILL) }  // on an early exit; a no-op once stop() reaped it
                func lines() -> [String] {
                    ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
                }
                let added = #"{"event":"readerAdded","reader":"Virtual PCD 00 00"}"#
                let atr = TransparentFileCard.defaultATR.map { String(format: "%02X", $0) }.joined()
                let inserted = #"{"atr":"\#(atr)","event":"cardInserted","reader":"Virtual PCD 00 00"}"#
                let removed = #"{"event":"cardRemoved","reader":"Virtual PCD 00 00"}"#
                #expect(await eventually { lines().contains(added) })
                try await withInsertedCard(TransparentFileCard(files: [:])) { vpcd async throws in
                    #expect(await eventually { lines().contains(inserted) })
                    vpcd.remove()
                    #expect(await eventually { lines().contains(removed) })
                }
                await watcher.stop()
                let seen = lines()
                #expect(seen.firstIndex(of: added) ?? .max < seen.firstIndex(of: inserted) ?? .min)
                #expect(seen.firstIndex(of: inserted) ?? .max < seen.firstIndex(of: removed) ?? .min)
            }
        }
    }

    @Test("Without pcscd it exits 69 with a typed, bilingual error line")
    func serviceDown() async throws {
        try await PCSCRig.withRig { rig in
            guard rig.ownsService else {
                print("SKIPPED: pcscd is a system service here; the rig will not stop it")
                return
            }
            try await rig.killService()
            let english = try await cccdctl([])
            #expect(english.status == 69)
            #expect(english.stdout.isEmpty)
            #expect(english.stderrText.contains("[reader.service.unavailable]"))
            #expect(english.stderrText.contains("pcscd"))
            let vietnamese = try await cccdctl(["--lang", "vi"])
            #expect(vietnamese.stderrText.contains("Dịch vụ đầu đọc thẻ"))
            try await rig.startService()
        }
    }
}
