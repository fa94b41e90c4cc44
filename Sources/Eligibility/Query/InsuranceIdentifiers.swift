/// A 15-character BHYT card code, `XX N PP BBBBBBBBBB` (spec §5): a 2-letter beneficiary group,
/// a benefit level 1–5, a 2-digit province and the holder's 10-digit BHXH number. There is no
/// checksum, so the format is all that can be validated locally.
public struct BHYTCardCode: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// Accepts `^[A-Z]{2}[1-5]\d{12}$` exactly; lower case and spaces are rejected, not repaired,
    /// so a mistyped code is reported instead of silently queried as something else.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 15,
              bytes[0..<2].allSatisfy({ (65...90).contains($0) }),
              (49...53).contains(bytes[2]),
              bytes[3...].allSatisfy({ (48...57).contains($0) })
        else { return nil }
        self.text = String(text)
    }

    /// The beneficiary group (`HC`, `DN`, `TE`, `QN`…).
    public var beneficiaryGroup: String { String(text.prefix(2)) }

    /// Cards of the military, police and cipher sectors may not be checkable online (spec §4).
    public var isSecuritySector: Bool { ["QN", "CA", "CY"].contains(beneficiaryGroup) }

    /// The holder's BHXH number, the last ten digits.
    public var socialInsuranceNumber: BHXHNumber? { BHXHNumber(text.suffix(10)) }

    public var description: String { "BHYTCardCode(<redacted>)" }
}

/// A 10-digit social-insurance (BHXH) number, which the gateway also accepts as `maThe`.
public struct BHXHNumber: Sendable, Hashable, CustomStringConvertible {
    public let digits: String

    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 10, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        digits = String(text)
    }

    public var description: String { "BHXHNumber(<redacted>)" }
}
