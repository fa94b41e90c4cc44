/// A way the ID number disagrees with the date of birth or sex it travels with.
public enum PersonalIDMismatch: Sendable, Hashable {
    /// `G` and `YY` encode `encoded`, the date of birth says `stated`.
    case birthYear(encoded: Int, stated: Int)
    /// `G` encodes `encoded`, the sex field says `stated`.
    case sex(encoded: Sex, stated: Sex)
}

extension PersonalID {
    /// Compares the digits with a date of birth and a sex; an empty array means they agree.
    ///
    /// A QR whose own ID disagrees with its own date of birth is corrupt (or forged), so the QR
    /// parser turns any mismatch into an error; the chip reader compares across sources instead.
    public func crossCheck(dateOfBirth: CivilDate, sex stated: Sex) -> [PersonalIDMismatch] {
        var problems: [PersonalIDMismatch] = []
        if birthYear != dateOfBirth.year {
            problems.append(.birthYear(encoded: birthYear, stated: dateOfBirth.year))
        }
        if sex != stated {
            problems.append(.sex(encoded: sex, stated: stated))
        }
        return problems
    }
}
