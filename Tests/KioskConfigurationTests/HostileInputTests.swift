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
            do throws(ConfigurationProblems) {
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
        do throws(ConfigurationProblems) { _ = try DaemonConfiguration.load(path: "/nonexistent/cccdd.toml") } catch {
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

    /// Named shapes rather than the texts themselves, so the test log stays readable.
    enum Nesting: String, CaseIterable {
        case headerSegments, dottedKey, arrays, inlineTables, manyArrayTables

        var text: String {
            switch self {
            case .headerSegments: "[" + Array(repeating: "a", count: 200_000).joined(separator: ".") + "]\n"
            case .dottedKey: Array(repeating: "a", count: 200_000).joined(separator: ".") + " = 1\n"
            case .arrays: "x = " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n"
            case .inlineTables: "x = " + String(repeating: "{a=", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
            case .manyArrayTables: String(repeating: "[[a]]\n", count: 20_000)
            }
        }
    }

    @Test("Deeply nested tables, keys, arrays and inline tables", arguments: Nesting.allCases)
    func deepNesting(shape: Nesting) {
        let problems = Fixtures.problems(shape.text)
        #expect(!problems.isEmpty)
        let expected = shape == .manyArrayTables ? "config.unknownKey" : "config.syntax"
        #expect(problems.allSatisfy { $0.code == expected && $0.line == 1 })
    }

    @Test("Shapes toml++ asserts on (a header without a key, } as an array value) never reach it")
    func headerWithoutKey() {
        for text in ["[=]", "[ .a]", "x = 1\n[\n", "[[#]]", "\u{FEFF}[,]", "  [ {", "[]", "[\u{A0}a]",
                     "x = [}", "x = [1, }", "x = [\n # c\n }", "x = [\"\"\"a\"\"\"\", }]", "x = [[1], [}]]"] {
            let problems = Fixtures.problems(text)
            #expect(problems.map(\.code) == ["config.syntax"], "\(text.debugDescription)")
        }
        // Quoted and spaced headers are still fine: these problems are the schema's, all on line 3.
        let valid = Fixtures.problems("[ \"site\" ]\n[ 'log' ]\n[[ scanners.device ]]\n")
        #expect(valid.map(\.key) == ["scanners.device[0]", "scanners.device[0].kind", "scanners.mode"])
        #expect(valid.allSatisfy { $0.line == 3 })
    }

    @Test("Arbitrary TOML-ish text never crashes the loader (toml++ asserts in debug builds)")
    func arbitraryText() async {
        let alphabet: [Character] = ["[", "]", "{", "}", "=", "\"", "'", ".", ",", "#", "\n", " ", "\t", "a", "-", "+",
                                     "1", "0", "e", "_", ":", "T", "\\", "é", "\u{A0}", "\r", "t", "n", "i", "f"]
        let text = Gen<Character?>.element(of: alphabet).map { $0 ?? " " }.string(of: 0...120)
        await propertyCheck(count: 50_000, input: text) { text in
            _ = Fixtures.problems(text)
        }
    }

    @Test("Random edits of the shipped file never crash the loader, and every problem has a line")
    func mutatedShippedFile() async {
        let original = Array(Fixtures.productionText.unicodeScalars)
        let alphabet: [Unicode.Scalar] = ["[", "]", "{", "}", "=", "\"", "'", ".", ",", "#", "\n", " ", "a", "1", "-", "\\"]
        let edit = Gen.int(in: 0...(original.count - 1)).array(of: 1...4)
        let scalars = Gen.int(in: 0...(alphabet.count - 1)).array(of: 4...4)
        await propertyCheck(count: 1500, input: edit, scalars) { positions, choices in
            var text = original
            for (position, choice) in zip(positions, choices) {
                if choice % 3 == 0 { text.remove(at: min(position, text.count - 1)) }
                else { text.insert(alphabet[choice], at: min(position, text.count)) }
            }
            var edited = String.UnicodeScalarView()
            edited.append(contentsOf: text)
            let problems = Fixtures.problems(String(edited), purpose: .production)
            #expect(problems.allSatisfy { $0.line != nil || $0.kind == .missing })
        }
    }
}
