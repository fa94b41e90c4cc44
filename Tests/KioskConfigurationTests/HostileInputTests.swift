import CCCDTestSupport
import Foundation
import KioskConfiguration
import PropertyBased
import Testing

@Suite("Hostile and broken files end as problems, never as a crash")
struct HostileInputTests {
    private func loadProblems(_ data: Data) async throws -> [ConfigurationProblem] {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("cccdd.toml")
            try data.write(to: file)
            do {
                _ = try DaemonConfiguration.load(path: file.path, purpose: .demo)
                return []
            } catch {
                Fixtures.expectBilingual(error.problems)
                return error.problems
            }
        }
    }

    @Test("Random binary files")
    func binary() async throws {
        var generator = SeededGenerator(seed: 7)
        for size in [1, 17, 512, 65_536] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let problems = try await loadProblems(Data(bytes))
            #expect(!problems.isEmpty, "\(size) random bytes are not a configuration")
        }
    }

    @Test("Invalid UTF-8 and NUL bytes are reported at their line")
    func encoding() async throws {
        let invalid = Data("[site]\nkiosk = \"a\"\nlanguage = \"".utf8) + Data([0xC3, 0x28]) + Data("\"\n".utf8)
        #expect(try await loadProblems(invalid).map(\.line) == [3])
        let nul = "[site]\n\nkiosk = \"a\u{0}b\"\n"
        #expect(Fixtures.problems(nul).map { "\($0.code)@\($0.line ?? 0)" } == ["config.syntax@3"])
    }

    @Test("A missing file is unreadable; a huge one is tooLarge without being parsed")
    func sizeAndAbsence() async throws {
        #expect(throws: ConfigurationProblems.self) { try DaemonConfiguration.load(path: "/nonexistent/cccdd.toml") }
        do { _ = try DaemonConfiguration.load(path: "/nonexistent/cccdd.toml") } catch {
            #expect(error.problems.map(\.code) == ["config.unreadable"])
            #expect(error.rendered().hasPrefix("cccdd.toml: "))
        }
        let huge = Data(String(repeating: "# padding line for size\n", count: 50_000).utf8)
        #expect(try await loadProblems(huge).map(\.code) == ["config.tooLarge"])
    }

    @Test("Many keys are all reported, each at its own line")
    func manyUnknownKeys() {
        let text = (1...5000).map { "key\($0) = \($0)" }.joined(separator: "\n")
        let problems = Fixtures.problems(text)
        #expect(problems.count == 5000)
        #expect(problems.enumerated().allSatisfy { $0.element.line == $0.offset + 1 && $0.element.code == "config.unknownKey" })
    }

    @Test("Deeply nested tables, keys, arrays and inline tables", arguments: [
        "[" + Array(repeating: "a", count: 200_000).joined(separator: ".") + "]\n",
        Array(repeating: "a", count: 200_000).joined(separator: ".") + " = 1\n",
        "x = " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n",
        "x = " + String(repeating: "{a=", count: 100_000) + "1" + String(repeating: "}", count: 100_000) + "\n",
        String(repeating: "[[a]]\n", count: 20_000),
    ])
    func deepNesting(text: String) {
        let problems = Fixtures.problems(text)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.code == "config.syntax" || $0.code == "config.unknownKey" })
    }

    @Test("Arbitrary TOML-ish text never crashes the loader")
    func arbitraryText() async {
        let alphabet: [Character] = ["[", "]", "{", "}", "=", "\"", "'", ".", ",", "#", "\n", " ", "a", "-", "1", "\\", "é"]
        let text = Gen<Character?>.element(of: alphabet).map { $0 ?? " " }.string(of: 0...200)
        await propertyCheck(count: 3000, input: text) { text in
            _ = Fixtures.problems(text)
        }
    }
}
