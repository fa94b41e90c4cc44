import Foundation
import PropertyBased
import Testing
@testable import CCCDIdentity

/// The byte-level shortcuts of the hot path agree with the slow, obviously-correct definitions.
@Suite("Text shortcuts")
struct TextPropertyTests {
    /// Vietnamese letters precomposed and decomposed, combining marks, ASCII, Latin-1, and
    /// scalars NFC changes (Angstrom and Ohm signs, Hangul jamo, a composition exclusion).
    static let scalars: [Unicode.Scalar] = Array("aăâeêioôơuưyđĐAÂƠƯ ữỮẫệỷỳ|?0é".unicodeScalars) + [
        "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{306}", "\u{302}", "\u{31B}",
        "\u{212B}", "\u{2126}", "\u{1100}", "\u{1161}", "\u{0958}", "\u{FFFD}", "\u{FEFF}", "\u{85}", "\u{7}",
        "\u{1E00}", "\u{1EFF}", "\u{1F00}", "\u{2FF}",
    ]
    static let text = Gen<Unicode.Scalar?>.element(of: scalars).map { $0! }.array(of: 0...24)
        .map { String(String.UnicodeScalarView($0)) }

    @Test("The NFC fast path returns exactly Foundation's NFC")
    func nfcFastPath() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            #expect(Array(PayloadText.normalised(text).utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8))
        }
    }

    @Test("The byte scan finds control and replacement characters exactly")
    func scan() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            let scan = PayloadScan(text.utf8)
            #expect(scan.hasControl == text.unicodeScalars.contains { $0.properties.generalCategory == .control })
            #expect(scan.hasReplacement == text.unicodeScalars.contains { $0 == "?" || $0 == "\u{FFFD}" })
            #expect(scan.hasNonASCII == !text.unicodeScalars.allSatisfy(\.isASCII))
            #expect(ControlCharacters.occur(in: text.utf8) == scan.hasControl)
        }
    }

    @Test("Every Unicode control character is recognised by value", arguments: [0x0, 0x1F, 0x7F, 0x80, 0x9F])
    func controls(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(ControlCharacters.isControl(scalar))
        #expect(scalar.properties.generalCategory == .control)
    }

    @Test("Diagnostics: empty shows as \"\", controls escaped")
    func diagnostics() {
        #expect(DiagnosticQuote.quote("") == "\"\"")
        #expect(DiagnosticQuote.quote("a\u{7}b\\c\r\n") == "a\\u{7}b\\\\c\\r\\n")
        #expect(DiagnosticQuote.quote(String(repeating: "9", count: 100)).count == DiagnosticQuote.limit + 1)
    }
}
