/// When a card expires: a day, or never (cards issued at 58 or older).
public enum CardExpiry: Sendable, Hashable, CustomStringConvertible {
    case on(CivilDate)
    case never

    /// The MRZ's `YYMMDD`; `991231` for a card that never expires (three independent samples [V]).
    public var mrzText: String {
        switch self {
        case .on(let date): date.yymmdd
        case .never: "991231"
        }
    }

    /// ISO date, or `noExpiry` — the form JSON outputs use.
    public var jsonText: String {
        switch self {
        case .on(let date): date.iso8601
        case .never: "noExpiry"
        }
    }

    public var description: String { jsonText }

    /// The day, or `nil` for ``never``.
    public var date: CivilDate? {
        if case .on(let date) = self { return date }
        return nil
    }
}
