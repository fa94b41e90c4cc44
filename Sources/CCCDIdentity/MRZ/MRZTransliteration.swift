/// Vietnamese text to the MRZ alphabet (ICAO 9303 Part 3 §6.A).
///
/// Vietnamese letters decompose canonically into a Latin base letter plus combining marks (tone
/// and vowel marks), except `Đ/đ`, which ICAO transliterates as `D`. So: NFD, drop combining
/// marks, map `Đ` → `D`, uppercase; spaces and hyphens separate words; apostrophes and anything
/// outside A–Z/0–9 are dropped.
public enum MRZTransliteration {
    /// The name as uppercase ASCII words (`Nguyễn Thị Mẫu` → `["NGUYEN", "THI", "MAU"]`).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in UnicodeNormalization.nfd(text).unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            switch scalar {
            case "Đ", "đ", "Ɖ": current.append("D")
            case "a"..."z": current.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value - 32)))
            case "A"..."Z", "0"..."9": current.unicodeScalars.append(scalar)
            case " ", "-", "\t", "<", ",", ".":
                if !current.isEmpty { words.append(current) }
                current = ""
            default: continue
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The comparison key of a free-text name: its MRZ words joined by single spaces, so
    /// `Nguyễn  Thị Mẫu` from a QR equals `NGUYEN<<THI<MAU` from DG1 (see ``MRZName/comparisonKey``).
    public static func comparisonKey(_ text: String) -> String {
        words(text).joined(separator: " ")
    }
}
