import Foundation

/// Where each answer field sits in a gateway's JSON, as dotted paths (`KET_QUA.MA_THE`).
/// The defaults are BHXH's own names at the top level: the egw adapter uses them as they are, and
/// a HIS proxy that passes BHXH's answer through needs no mapping at all.
public struct AnswerFieldMapping: Sendable, Hashable {
    public var resultCode = "maKetQua"
    public var note = "ghiChu"
    public var cardCode = "maThe"
    public var validFrom = "gtTheTu"
    public var validThrough = "gtTheDen"
    public var registeredFacility = "maDKBD"
    public var area = "maKV"
    public var fiveYearsContinuousFrom = "ngayDu5Nam"
    public var socialInsuranceNumber = "maSoBHXH"
    public var previousCardCode = "maTheCu"
    public var newCardCode = "maTheMoi"
    public var newValidFrom = "gtTheTuMoi"
    public var newValidThrough = "gtTheDenMoi"
    public var newRegisteredFacility = "maDKBDMoi"

    public init() {}

    /// Prefixes every path with `container.`, for HIS answers wrapped in an object.
    public func nested(in container: String) -> AnswerFieldMapping {
        var copy = self
        for keyPath in Self.allPaths { copy[keyPath: keyPath] = container + "." + copy[keyPath: keyPath] }
        return copy
    }

    static var allPaths: [WritableKeyPath<AnswerFieldMapping, String>] { [
        \.resultCode, \.note, \.cardCode, \.validFrom, \.validThrough, \.registeredFacility, \.area,
        \.fiveYearsContinuousFrom, \.socialInsuranceNumber, \.previousCardCode, \.newCardCode,
        \.newValidFrom, \.newValidThrough, \.newRegisteredFacility,
    ] }

    /// The string at `path` in a decoded JSON object; numbers are converted, blanks are nil.
    static func string(at path: String, in object: Any) -> String? {
        var current: Any? = object
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        switch current {
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber:
            return number.stringValue
        default:
            return nil
        }
    }
}
