/// The checks behind ``KeyboardWedgeSymptom``, run before strict field validation so the admin
/// gets actionable advice instead of "field 4 (sex) is neither Nam nor Nữ".
enum KeyboardWedgeDetector {
    /// Digit-row symbols: US with Shift (`)!@#$%^&*(` for 0…9) and French AZERTY unshifted.
    private static let shiftedDigitSymbols: Set<Character> = [
        ")", "!", "@", "#", "$", "%", "^", "&", "*", "(",
        "à", "é", "\"", "'", "-", "è", "_", "ç",
    ]

    /// True when a 12-character field that should be the ID is made of digit-row symbols.
    static func looksShifted(_ field: Substring) -> Bool {
        field.count == 12 && field.allSatisfy { $0.isNumber || shiftedDigitSymbols.contains($0) }
            && !field.allSatisfy(\.isNumber)
    }

    /// What a wedge makes of `Nữ`: `Nu`, `NU`, `N?`, `N`, `Nư`, `Nũ`…
    static func looksLikeMangledSex(_ field: Substring) -> Bool {
        guard Sex(qrText: field) == nil else { return false }
        guard let first = field.first, first == "N" || first == "n", field.count <= 4 else { return false }
        return field.lowercased() != "nam"
    }

    static func hasReplacementCharacters(_ field: Substring) -> Bool {
        PayloadScan(field.utf8).hasReplacement
    }

    static func isASCII(_ field: Substring) -> Bool {
        field.utf8.allSatisfy { $0 < 0x80 }
    }
}
