import CardVerification
import Foundation
import FuzzTargets
import Testing

/// Every committed fuzz input — the seeds (Fuzz/Corpus) and the crashes found and fixed
/// (Fuzz/Crashes) — through its harness in the normal build, on every `make test`. A harness
/// stops the process on a crash or a broken invariant, so returning is the assertion; what each
/// fixed crash must now answer instead is checked in ``FixedCrashTests``.
@Suite("fuzz corpus replay")
struct FuzzRegressionTests {
    @Test("every target has seeds", arguments: FuzzTarget.allCases)
    func seedsExist(target: FuzzTarget) {
        #expect(!FuzzCorpus.inputs(.corpus, target).isEmpty, "Fuzz/Corpus/\(target.rawValue) is empty")
    }

    @Test("every seed and every fixed crash input returns", arguments: FuzzTarget.allCases)
    func replay(target: FuzzTarget) {
        let inputs = FuzzCorpus.inputs(.corpus, target) + FuzzCorpus.inputs(.crashes, target)
        for input in inputs {
            target.run(input.bytes)
        }
        // Spent from the count only when everything returned.
        #expect(inputs.count >= 1)
    }

    @Test("no crash folder is named after a target that does not exist")
    func crashFoldersNameTargets() throws {
        for kind in [FuzzCorpus.Kind.corpus, .crashes] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: FuzzCorpus.folder(kind).path)) ?? []
            for name in names where !name.hasPrefix(".") && name != "README.md" {
                #expect(FuzzTarget(rawValue: name) != nil, "Fuzz/\(kind.rawValue)/\(name) names no target")
            }
        }
    }
}

/// The committed inputs, found from this file's place in the checkout.
enum FuzzCorpus {
    enum Kind: String {
        case corpus = "Corpus"
        case crashes = "Crashes"
    }

    struct Input {
        let name: String
        let bytes: [UInt8]
    }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func folder(_ kind: Kind) -> URL {
        root.appendingPathComponent(kind.rawValue)
    }

    static func inputs(_ kind: Kind, _ target: FuzzTarget) -> [Input] {
        let directory = folder(kind).appendingPathComponent(target.rawValue)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") }.compactMap { name in
            FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { Input(name: name, bytes: [UInt8]($0)) }
        }
    }

    static func input(_ kind: Kind, _ target: FuzzTarget, _ name: String) throws -> [UInt8] {
        let input = inputs(kind, target).first { $0.name == name }
        return try #require(input, "Fuzz/\(kind.rawValue)/\(target.rawValue)/\(name) is missing").bytes
    }
}

/// The seeds that matter most start where the interesting code is, not at the first parse error.
@Suite("fuzz seeds reach the valid path")
struct FuzzSeedTests {
    @Test("the sod-pa seeds with all their files verify as valid against the fuzz trust store",
          arguments: ["ec-sha256-all-files", "rsa-sha1-all-files", "ec-sha256-dg1-only"])
    func passiveAuthenticationSeeds(name: String) throws {
        let result = PassiveAuthenticationHarness.verify(try FuzzCorpus.input(.corpus, .sodPassiveAuthentication, name))
        #expect(result.outcome == .valid, "\(name): \(result.outcome.name)")
        #expect(!result.verifiedDataGroups.isEmpty)
    }
}
