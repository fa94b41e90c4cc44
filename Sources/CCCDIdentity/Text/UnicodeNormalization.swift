import Foundation

/// The one place the module calls Foundation: the standard library has no public Unicode
/// normalisation yet, and writing NFC tables by hand would be a second, worse copy of ICU's.
enum UnicodeNormalization {
    static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    static func nfd(_ text: String) -> String {
        text.decomposedStringWithCanonicalMapping
    }
}
