public import CCCDIdentity
public import Eligibility

/// The BHYT answer as the desk reads it: the class, the gateway's code, the official wording and
/// the card to bill (the new one when the gateway named a replacement).
public struct EligibilityView: Sendable, Hashable, Codable {
    public struct Card: Sendable, Hashable, Codable {
        public var code: String
        public var validFrom: String?
        public var validThrough: String?
        public var registeredFacility: String?
        /// The gateway answered with a replacement card (003/004) and this is it.
        public var newCard: Bool
    }

    public var `class`: EligibilityClass
    public var code: String?
    public var message: LocalizedText
    /// The gateway's own note (`ghiChu`), shown to the desk as the official result wording.
    public var note: String?
    public var card: Card?
    public var adapter: String

    public init(_ result: EligibilityResult) {
        self.class = result.outcome
        code = result.resultCode
        message = result.explanation
        note = result.note
        adapter = result.source
        if let card = result.card {
            if result.cardUsed == .newCard, let replacement = card.newCard {
                self.card = Card(code: replacement.code, validFrom: replacement.validity?.from.iso8601,
                                 validThrough: replacement.validity?.through.iso8601,
                                 registeredFacility: replacement.registeredFacility, newCard: true)
            } else {
                self.card = Card(code: card.code, validFrom: card.validity?.from.iso8601, validThrough: card.validity?.through.iso8601,
                                 registeredFacility: card.registeredFacility, newCard: false)
            }
        }
    }
}
