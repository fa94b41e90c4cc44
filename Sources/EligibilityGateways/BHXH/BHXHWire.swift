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
