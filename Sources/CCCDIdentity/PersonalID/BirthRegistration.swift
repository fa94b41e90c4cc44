/// Where a birth was registered, from the first three digits of the personal ID.
///
/// The code table (Circular 07/2016/TT-BCA) lists 63 provinces as 001…096 and countries as
/// 101…295. The circular expired in July 2024 and provinces merged in 2025, so a code outside the
/// table is reported as ``unknown(code:)`` — a warning for the operator, never a rejection.
public enum BirthRegistration: Sendable, Hashable {
    /// One of the 63 pre-2025 provinces.
    case province(code: Int, name: String)
    /// A birth registered abroad; `code` is the country code (101…295).
    case abroad(countryCode: Int)
    /// Not in the table this build knows.
    case unknown(code: Int)

    public init(code: Int) {
        if let name = ProvinceTable.name(forCode: code) {
            self = .province(code: code, name: name)
        } else if (101...295).contains(code) {
            self = .abroad(countryCode: code)
        } else {
            self = .unknown(code: code)
        }
    }

    /// The three-digit code as printed in the ID (`001`).
    public var codeText: String {
        switch self {
        case .province(let code, _), .abroad(let code), .unknown(let code): Digits.padded(code, width: 3)
        }
    }
}
