/// One insured person's card and how the gateway answers about it.
///
/// Field names follow the gateway's response (`maThe`, `gtTheTu`…) so a scenario reads like the
/// answers it produces. The card is found by its code, the holder's CCCD or the BHXH number.
public struct ScenarioCard: Sendable, Codable, Hashable {
    public var maThe: String
    public var cccd: String?
    public var maSoBHXH: String?
    public var hoTen: String
    /// `dd/MM/yyyy`.
    public var ngaySinh: String
    public var gioiTinh: String?
    public var diaChi: String?
    public var maDKBD: String?
    public var cqBHXH: String?
    public var gtTheTu: String?
    public var gtTheDen: String?
    public var maKV: String?
    public var ngayDu5Nam: String?
    public var maTheCu: String?
    /// The scripted result code; `000` when absent. Name and date-of-birth checks run first unless
    /// the scripted code is itself a mismatch code.
    public var maKetQua: String?
    public var ghiChu: String?
    /// The replacement card of codes 003/004. It is also answerable on its own (code 000).
    public var newCard: NewCard?
    /// Extra delay for this card, on top of the scenario's latency.
    public var latencyMilliseconds: Int?
    public var fault: Fault?

    public init(maThe: String, cccd: String? = nil, maSoBHXH: String? = nil, hoTen: String, ngaySinh: String,
                gioiTinh: String? = nil, diaChi: String? = nil, maDKBD: String? = nil, cqBHXH: String? = nil,
                gtTheTu: String? = nil, gtTheDen: String? = nil, maKV: String? = nil, ngayDu5Nam: String? = nil,
                maTheCu: String? = nil, maKetQua: String? = nil, ghiChu: String? = nil, newCard: NewCard? = nil,
                latencyMilliseconds: Int? = nil, fault: Fault? = nil) {
        self.maThe = maThe
        self.cccd = cccd
        self.maSoBHXH = maSoBHXH
        self.hoTen = hoTen
        self.ngaySinh = ngaySinh
        self.gioiTinh = gioiTinh
        self.diaChi = diaChi
        self.maDKBD = maDKBD
        self.cqBHXH = cqBHXH
        self.gtTheTu = gtTheTu
        self.gtTheDen = gtTheDen
        self.maKV = maKV
        self.ngayDu5Nam = ngayDu5Nam
        self.maTheCu = maTheCu
        self.maKetQua = maKetQua
        self.ghiChu = ghiChu
        self.newCard = newCard
        self.latencyMilliseconds = latencyMilliseconds
        self.fault = fault
    }

    public struct NewCard: Sendable, Codable, Hashable {
        public var maThe: String
        public var gtTheTu: String?
        public var gtTheDen: String?
        public var maDKBD: String?
        public var tenDKBD: String?

        public init(maThe: String, gtTheTu: String? = nil, gtTheDen: String? = nil, maDKBD: String? = nil, tenDKBD: String? = nil) {
            self.maThe = maThe
            self.gtTheTu = gtTheTu
            self.gtTheDen = gtTheDen
            self.maDKBD = maDKBD
            self.tenDKBD = tenDKBD
        }
    }

    /// Misbehaviour scripted for this card.
    public enum Fault: String, Sendable, Codable, Hashable {
        /// Hold the request until the client gives up (or the simulator stops).
        case timeout
        /// HTTP 502 with an HTML page, as a proxy in front of the gateway answers.
        case html502
        /// HTTP 200 with a body that is not JSON.
        case garbage
        /// HTTP 500 with a JSON `maKetQua` 500.
        case http500
        /// HTTP 200 and its headers at once, then a body trickling one byte every 100 ms for up
        /// to an hour: a stalled proxy, or a gateway that never finishes its answer.
        case slowBody
        /// HTTP 418 around the card's normal JSON answer: a status no gateway answers with, from
        /// a proxy or a test box in the path.
        case http418
        /// HTTP 200, `maKetQua` 000 and nothing else: "eligible" naming no card.
        case eligibleWithoutCard
    }

    /// The card answering for its replacement: same holder, code 000, the new validity range.
    var replacementAnswer: ScenarioCard? {
        guard let newCard else { return nil }
        var card = self
        card.maThe = newCard.maThe
        card.maTheCu = maThe
        card.gtTheTu = newCard.gtTheTu
        card.gtTheDen = newCard.gtTheDen
        card.maDKBD = newCard.maDKBD ?? maDKBD
        card.maKetQua = "000"
        card.ghiChu = nil
        card.newCard = nil
        card.fault = nil
        return card
    }
}
