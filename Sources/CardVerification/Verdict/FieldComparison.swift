import CCCDIdentity
import Foundation

/// Compares one identity field from two sources into a check whose detail says how, never what.
enum FieldComparison {
    /// `left` and `right` as values of one field; nil sides make the check `notRun`.
    static func compare<T: Equatable>(_ name: String, _ left: T?, _ right: T?, leftSource: String, rightSource: String,
                                      missing: (left: String, right: String)) -> VerificationCheck {
        guard let left else { return VerificationCheck(name, .notRun, detail: missing.left) }
        guard let right else { return VerificationCheck(name, .notRun, detail: missing.right) }
        return left == right
            ? VerificationCheck(name, .passed, detail: "\(leftSource) and \(rightSource) agree")
            : VerificationCheck(name, .failed, detail: "\(leftSource) and \(rightSource) differ")
    }

    /// Two names with diacritics: equal after NFC, case folding and whitespace normalisation
    /// passes; equal only once diacritics are removed fails all the same — Vietnamese tone and
    /// vowel marks tell names apart — but the detail says so, for the operator.
    static func names(_ name: String, _ left: String?, _ right: String?, leftSource: String, rightSource: String,
                      missing: (left: String, right: String)) -> VerificationCheck {
        guard let left else { return VerificationCheck(name, .notRun, detail: missing.left) }
        guard let right else { return VerificationCheck(name, .notRun, detail: missing.right) }
        if normalised(left) == normalised(right) {
            return VerificationCheck(name, .passed, detail: "\(leftSource) and \(rightSource) agree")
        }
        if MRZTransliteration.comparisonKey(left) == MRZTransliteration.comparisonKey(right) {
            return VerificationCheck(name, .failed, detail: "\(leftSource) and \(rightSource) differ in diacritics only")
        }
        return VerificationCheck(name, .failed, detail: "\(leftSource) and \(rightSource) differ")
    }

    /// A name with diacritics against an MRZ name (ASCII, cut at the field width): compared
    /// without diacritics, as the MRZ field of that name would read.
    static func name(_ name: String, _ text: String?, mrz zone: MachineReadableZone?, textSource: String,
                     missing: (text: String, mrz: String)) -> VerificationCheck {
        guard let text else { return VerificationCheck(name, .notRun, detail: missing.text) }
        guard let zone else { return VerificationCheck(name, .notRun, detail: missing.mrz) }
        let width = switch zone.format {
        case .td1: 30
        case .td2: 31
        case .td3: 39
        }
        let expected = MRZName(vietnameseFullName: text).field(width: width)
        return expected == zone.name.field(width: width)
            ? VerificationCheck(name, .passed, detail: "\(textSource) and DG1 agree (without diacritics)")
            : VerificationCheck(name, .failed, detail: "\(textSource) and DG1 differ (compared without diacritics)")
    }

    /// NFC, lowercased, runs of whitespace collapsed to one space, trimmed.
    static func normalised(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
