public import CCCDIdentity

/// DG13 field 12: the card's expiry as the chip states it.
public enum CardValidity: Sendable, Hashable {
    /// Valid until this day.
    case until(CivilDate)
    /// The card never expires (issued at 58 or older); `text` is the chip's wording, e.g. `Không thời hạn`.
    case noExpiry(text: String)
    /// Neither a `dd/mm/yyyy` date nor a known "no expiry" wording [?]: kept for the operator,
    /// and treated as unknown by any check.
    case unrecognized(String)

    /// The wordings for "no time limit" seen on cards, compared canonically and case-insensitively.
    static let noExpiryWordings = ["không thời hạn", "khong thoi han"]

    init(chipText text: String) {
        if let date = DG13Text.date(text) {
            self = .until(date)
        } else if CardValidity.noExpiryWordings.contains(text.lowercased()) {
            self = .noExpiry(text: text)
        } else {
            self = .unrecognized(text)
        }
    }

    /// The value the chip of a card with `expiry` carries.
    public init(_ expiry: CardExpiry) {
        switch expiry {
        case .on(let date): self = .until(date)
        case .never: self = .noExpiry(text: "Không thời hạn")
        }
    }

    /// The identity domain's expiry, nil when unrecognised.
    public var cardExpiry: CardExpiry? {
        switch self {
        case .until(let date): .on(date)
        case .noExpiry: .never
        case .unrecognized: nil
        }
    }

    /// The text the chip stores (`dd/mm/yyyy` or the wording).
    public var chipText: String {
        switch self {
        case .until(let date): date.slashedDMY
        case .noExpiry(let text), .unrecognized(let text): text
        }
    }
}
