import CCCDIdentity
import Eligibility
import Foundation

/// The card-check request body (spec §3).
struct CardCheckBody: Encodable {
    var maThe: String
    var hoTen: String
    var ngaySinh: String
    var hoTenCb: String
    var cccdCb: String
}

/// The login answer: `maKetQua` "200" with an `APIKey`, or "401".
struct LoginAnswer: Decodable {
    var maKetQua: LenientString?
    var APIKey: Key?

    struct Key: Decodable {
        var access_token: String?
        var id_token: String?
        var username: String?
        var expires_in: String?
    }
}

/// A card-check answer. All fields are documented as strings; each is read leniently (numbers and
/// nulls accepted) because a strict decoder would turn one odd field into a lost answer.
struct CardCheckAnswer: Decodable {
    var maKetQua: LenientString?
    var ghiChu: LenientString?
    var maThe: LenientString?
    var maDKBD: LenientString?
    var gtTheTu: LenientString?
    var gtTheDen: LenientString?
    var maKV: LenientString?
    var ngayDu5Nam: LenientString?
    var maSoBHXH: LenientString?
    var maTheCu: LenientString?
    var maTheMoi: LenientString?
    var gtTheTuMoi: LenientString?
    var gtTheDenMoi: LenientString?
    var maDKBDMoi: LenientString?

    /// The answer in domain terms; nil when there is no result code at all.
    var domainAnswer: GatewayAnswer? {
        guard var code = maKetQua?.text else { return nil }
        // A code sent as a JSON number loses its leading zeros (0 for "000").
        if code.count < 3, code.allSatisfy(\.isASCII), Int(code) != nil {
            code = String(repeating: "0", count: 3 - code.count) + code
        }
        let card = maThe?.text.map { code in
            InsuranceCard(
                code: code, validity: Self.range(gtTheTu, gtTheDen), registeredFacility: maDKBD?.text,
                area: maKV?.text, fiveYearsContinuousFrom: ngayDu5Nam?.text.flatMap { CivilDate(slashedDMY: $0) },
                socialInsuranceNumber: maSoBHXH?.text, previousCode: maTheCu?.text,
                newCard: maTheMoi?.text.map {
                    ReplacementCard(code: $0, validity: Self.range(gtTheTuMoi, gtTheDenMoi), registeredFacility: maDKBDMoi?.text)
                })
        }
        return GatewayAnswer(resultCode: code, note: ghiChu?.text, card: card)
    }

    static func range(_ from: LenientString?, _ through: LenientString?) -> ValidityRange? {
        guard let from = from?.text.flatMap({ CivilDate(slashedDMY: $0) }),
              let through = through?.text.flatMap({ CivilDate(slashedDMY: $0) })
        else { return nil }
        return ValidityRange(from: from, through: through)
    }
}

/// A JSON value expected to be a string; numbers are converted, blanks and nulls become nil.
struct LenientString: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            text = nil
        } else if let string = try? value.decode(String.self) {
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            text = trimmed.isEmpty ? nil : trimmed
        } else if let number = try? value.decode(Int.self) {
            text = String(number)
        } else {
            text = nil
        }
    }
}
