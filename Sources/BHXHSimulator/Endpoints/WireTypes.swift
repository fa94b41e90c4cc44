/// The login answer: `maKetQua` "200" and an `APIKey` on success, "401" and no key on failure.
struct TokenAnswer: Encodable {
    var maKetQua: String
    var APIKey: APIKey?

    struct APIKey: Encodable {
        var access_token: String
        var id_token: String
        var token_type: String
        var username: String
        /// An absolute UTC instant with 7 fractional digits, despite its name (spec §2).
        var expires_in: String
    }
}

/// The card-check request body.
struct CardCheckRequest: Decodable {
    var maThe: String?
    var hoTen: String?
    var ngaySinh: String?
    var hoTenCb: String?
    var cccdCb: String?
}

/// The card-check answer; every field is a string, absent ones are sent as JSON null.
struct CardCheckAnswer: Encodable {
    var maKetQua: String
    var ghiChu: String
    var card: ScenarioCard?

    private enum Key: String, CodingKey {
        case maKetQua, ghiChu, maThe, hoTen, ngaySinh, gioiTinh, diaChi, maDKBD, cqBHXH, gtTheTu, gtTheDen, maKV
        case ngayDu5Nam, maSoBHXH, maTheCu, maTheMoi, gtTheTuMoi, gtTheDenMoi, maDKBDMoi, tenDKBDMoi
        case dsLichSuKCB2018, dsLichSuKT2018
    }

    func encode(to encoder: any Encoder) throws {
        var out = encoder.container(keyedBy: Key.self)
        try out.encode(maKetQua, forKey: .maKetQua)
        try out.encode(ghiChu, forKey: .ghiChu)
        let fields: [(Key, String?)] = [
            (.maThe, card?.maThe), (.hoTen, card?.hoTen), (.ngaySinh, card?.ngaySinh), (.gioiTinh, card?.gioiTinh),
            (.diaChi, card?.diaChi), (.maDKBD, card?.maDKBD), (.cqBHXH, card?.cqBHXH), (.gtTheTu, card?.gtTheTu),
            (.gtTheDen, card?.gtTheDen), (.maKV, card.map { $0.maKV ?? "" }), (.ngayDu5Nam, card?.ngayDu5Nam),
            (.maSoBHXH, card?.maSoBHXH), (.maTheCu, card?.maTheCu), (.maTheMoi, card?.newCard?.maThe),
            (.gtTheTuMoi, card?.newCard?.gtTheTu), (.gtTheDenMoi, card?.newCard?.gtTheDen),
            (.maDKBDMoi, card?.newCard?.maDKBD), (.tenDKBDMoi, card?.newCard?.tenDKBD),
            (.dsLichSuKCB2018, nil), (.dsLichSuKT2018, nil),
        ]
        for (key, value) in fields {
            if let value { try out.encode(value, forKey: key) } else { try out.encodeNil(forKey: key) }
        }
    }
}
