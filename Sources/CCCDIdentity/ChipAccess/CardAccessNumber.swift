/// The PACE Card Access Number of a Vietnamese card: the last 6 digits of the personal ID.
///
/// No official document states this; three independent Vietnamese readers use it and it opens
/// real cards (cccd.md §3.2). It means the QR alone opens the chip, with no dates.
public struct CardAccessNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 6 ASCII digits; this is the PACE password (encoded as ASCII bytes).
    public let digits: String

    /// Accepts exactly 6 ASCII digits (an operator may type a CAN printed on a foreign card).
    public init?(_ text: some StringProtocol) {
        guard Digits.areAll(text, count: 6) else { return nil }
        digits = String(text)
    }

    init(unchecked digits: String) { self.digits = digits }

    /// The PACE password bytes (ICAO 9303-11 §4.4.1: the CAN as ASCII characters).
    public var passwordBytes: [UInt8] { Array(digits.utf8) }

    public var description: String { "CardAccessNumber(<redacted>)" }
}
