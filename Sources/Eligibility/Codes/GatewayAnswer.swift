/// One answer from a gateway, decoded from its wire format into domain terms but not yet judged.
public struct GatewayAnswer: Sendable, Hashable {
    /// `maKetQua` (or the HIS proxy's mapped equivalent).
    public var resultCode: String
    /// `ghiChu`: may quote card data, never log it.
    public var note: String?
    /// Nil when the answer carries no card code (e.g. 050).
    public var card: InsuranceCard?

    public init(resultCode: String, note: String?, card: InsuranceCard?) {
        self.resultCode = resultCode
        self.note = note
        self.card = card
    }
}
