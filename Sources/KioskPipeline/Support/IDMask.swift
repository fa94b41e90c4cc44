public import CCCDIdentity

extension PersonalID {
    /// First four and last four digits (`0011****6789`): enough for the desk to confirm the card,
    /// not enough to be the number. The page never receives the full ID.
    public var masked: String {
        String(digits.prefix(4)) + String(repeating: "*", count: max(0, digits.count - 8)) + String(digits.suffix(4))
    }
}
