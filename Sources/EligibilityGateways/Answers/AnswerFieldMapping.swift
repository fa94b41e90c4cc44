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
        for (_, keyPath) in Self.namedPaths { copy[keyPath: keyPath] = container + "." + copy[keyPath: keyPath] }
        return copy
    }

    /// Every field with the name a configuration file uses for it.
    static var namedPaths: [(name: String, path: WritableKeyPath<AnswerFieldMapping, String>)] { [
        ("resultCode", \.resultCode), ("note", \.note), ("cardCode", \.cardCode), ("validFrom", \.validFrom),
        ("validThrough", \.validThrough), ("registeredFacility", \.registeredFacility), ("area", \.area),
        ("fiveYearsContinuousFrom", \.fiveYearsContinuousFrom), ("socialInsuranceNumber", \.socialInsuranceNumber),
        ("previousCardCode", \.previousCardCode), ("newCardCode", \.newCardCode), ("newValidFrom", \.newValidFrom),
        ("newValidThrough", \.newValidThrough), ("newRegisteredFacility", \.newRegisteredFacility),
    ] }

    /// The property a configuration file names (`"cardCode"`), if there is one.
    public static func path(named name: String) -> WritableKeyPath<AnswerFieldMapping, String>? {
        namedPaths.first { $0.name == name }?.path
    }

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
