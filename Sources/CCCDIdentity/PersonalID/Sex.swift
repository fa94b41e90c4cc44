/// The sex printed on a Vietnamese card: the QR says `Nam`/`Nữ`, the ID number's century digit
/// encodes it (even = male, odd = female) and the MRZ says `M`/`F`.
///
/// Only two values exist on Vietnamese cards, so the domain type has two cases; the MRZ parser
/// keeps ICAO's third value (`<`, unspecified) in its own ``MRZSex`` because foreign documents use it.
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    case male
    case female

    /// `Nam` / `Nữ`, exactly as in the QR payload (NFC).
    public var qrText: String {
        switch self {
        case .male: "Nam"
        case .female: "Nữ"
        }
    }

    private static let femaleNFC: [UInt8] = [0x4E, 0xE1, 0xBB, 0xAF]  // "Nữ", U+1EEF

    /// `M` / `F`, as in an ICAO MRZ.
    public var mrzCharacter: Character {
        switch self {
        case .male: "M"
        case .female: "F"
        }
    }

    /// Reads the QR's `Nam` / `Nữ`. Comparison is canonical (`Nữ` decomposed also matches),
    /// but not case- or diacritic-insensitive: `Nu` is what a keyboard-wedge scanner makes of `Nữ`.
    public init?(qrText: some StringProtocol) {
        // Byte comparison first: the parser hands over NFC text, and String's canonical
        // comparison of non-ASCII text is far slower.
        if qrText.utf8.elementsEqual("Nam".utf8) {
            self = .male
            return
        }
        if qrText.utf8.elementsEqual(Sex.femaleNFC) {
            self = .female
            return
        }
        switch String(qrText) {
        case "Nam": self = .male
        case "Nữ": self = .female
        default: return nil
        }
    }
}
