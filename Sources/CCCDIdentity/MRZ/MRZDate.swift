/// An MRZ date, `YYMMDD`, as printed: the century is not in it.
///
/// Kept as text because ICAO allows `<` for unknown parts (`5501<<`) and because Vietnamese
/// cards that never expire print `991231`. ``resolved(notAfter:)`` picks a century when needed;
/// callers that know better (the 12-digit ID encodes the birth century) do it themselves.
public struct MRZDate: Sendable, Hashable, CustomStringConvertible {
    /// Six characters, `0`–`9` or `<`.
    public let text: String

    init?(validating text: some StringProtocol) {
        guard text.utf8.count == 6,
              text.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "<") })
        else { return nil }
        let bytes = Array(text.utf8)
        // Fully numeric dates must be a real month and day (year unknown: check against a leap year).
        if let month = Digits.value(bytes[2..<4]), let day = Digits.value(bytes[4..<6]),
           CivilDate(year: 2000, month: month, day: day) == nil {
            return nil
        }
        self.text = String(text)
    }

    public init(_ date: CivilDate) { text = date.yymmdd }

    public var description: String { text }

    /// The two-digit year, month and day when all are digits.
    public var components: (yy: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard let yy = Digits.value(bytes[0..<2]), let month = Digits.value(bytes[2..<4]),
              let day = Digits.value(bytes[4..<6]) else { return nil }
        return (yy, month, day)
    }

    /// The latest full date with these digits that is not after `limit` (for a date of birth,
    /// pass today), or `nil` when a part is unknown or the day does not exist in that year.
    public func resolved(notAfter limit: CivilDate) -> CivilDate? {
        guard let (yy, month, day) = components else { return nil }
        var year = limit.year - (limit.year % 100) + yy
        if let candidate = CivilDate(year: year, month: month, day: day), candidate <= limit { return candidate }
        year -= 100
        return CivilDate(year: year, month: month, day: day)
    }

    /// The full date in the century starting at `centuryStart` (e.g. 2000 for an expiry).
    public func resolved(inCenturyStarting centuryStart: Int) -> CivilDate? {
        guard let (yy, month, day) = components else { return nil }
        return CivilDate(year: centuryStart + yy, month: month, day: day)
    }
}

/// ICAO's sex field: `M`, `F`, or `<` (unspecified) — wider than the Vietnamese ``Sex``.
public enum MRZSex: String, Sendable, Hashable, Codable {
    case male = "M"
    case female = "F"
    case unspecified = "<"

    public init(_ sex: Sex) { self = sex == .male ? .male : .female }

    /// The Vietnamese ``Sex``, or `nil` when unspecified.
    public var sex: Sex? {
        switch self {
        case .male: .male
        case .female: .female
        case .unspecified: nil
        }
    }
}
