/// The number on a BHYT health-insurance card, in either form the BHXH gateway accepts as `maThe`.
///
/// - The 15-character card code `XX N PP SSSSSSSSSS`: 2 letters (beneficiary group, e.g. `DN`),
///   1 digit (benefit level), 2 digits (province), 10 digits (the social insurance number).
/// - The bare 10-digit social insurance number (mã số BHXH), which cards issued since 2021 print
///   and whose QR carries it in field 0 (seen in a public decoded sample [S]).
public struct BHYTCardCode: Sendable, Hashable, CustomStringConvertible {
    /// Exactly as scanned, uppercase ASCII.
    public let text: String

    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        let isCardCode = bytes.count == 15
            && bytes[0..<2].allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
            && Digits.value(bytes[2..<15]) != nil
        guard isCardCode || Digits.areAll(text, count: 10) else { return nil }
        self.text = String(text)
    }

    /// True for the 15-character form.
    public var isFullCardCode: Bool { text.utf8.count == 15 }

    /// The 10-digit social insurance number (the last 10 characters of a 15-character code).
    public var socialInsuranceNumber: String { String(text.suffix(10)) }

    /// Beneficiary group letters (`DN`, `HS`, `TE`…); `nil` for a bare social insurance number.
    public var beneficiaryGroup: String? { isFullCardCode ? String(text.prefix(2)) : nil }

    /// Benefit level digit (1…5 today); `nil` for a bare social insurance number.
    public var benefitLevel: Int? { isFullCardCode ? Digits.value(Array(text.utf8)[2..<3]) : nil }

    /// Two-digit province code of the card; `nil` for a bare social insurance number.
    public var provinceCode: String? {
        isFullCardCode ? String(decoding: Array(text.utf8)[3..<5], as: UTF8.self) : nil
    }

    public var description: String { "BHYTCardCode(<redacted>)" }
}
