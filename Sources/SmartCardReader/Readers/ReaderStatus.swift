/// One reader as pcscd sees it at a moment.
public struct ReaderStatus: Sendable, Hashable {
    public let name: String
    /// A card is in the field and answered (a mute card counts as absent).
    public let cardPresent: Bool
    /// The card's ATR, empty when no card is present.
    public let atr: [UInt8]
    /// Another application holds the card exclusively.
    public let inUseExclusively: Bool

    public init(name: String, cardPresent: Bool, atr: [UInt8], inUseExclusively: Bool = false) {
        self.name = name
        self.cardPresent = cardPresent
        self.atr = atr
        self.inUseExclusively = inUseExclusively
    }
}
