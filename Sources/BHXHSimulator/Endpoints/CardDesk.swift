import Foundation

/// Decides what the gateway answers to one card check, from the scenario alone (no I/O).
///
/// The order mirrors what a real check must do: request format (205), staff registration
/// (054/055), finding the card (050/051/052/053), holder's name and birth date (060/061/070),
/// then the card's scripted code.
struct CardDesk: Sendable {
    let scenario: Scenario

    enum Decision: Sendable {
        case answer(CardCheckAnswer)
        case fault(ScenarioCard.Fault, card: ScenarioCard)
    }

    func decide(_ request: CardCheckRequest) -> (decision: Decision, card: ScenarioCard?) {
        guard let code = request.maThe?.trimmingCharacters(in: .whitespaces), !code.isEmpty,
              let name = request.hoTen, !name.isEmpty,
              let birth = request.ngaySinh, Self.isBirthDateFormat(birth)
        else { return (.answer(.init(maKetQua: "205", ghiChu: "Lỗi sai định dạng tham số", card: nil)), nil) }

        guard let cccd = request.cccdCb, let member = scenario.staff.first(where: { $0.cccd == cccd }) else {
            return (.answer(.init(maKetQua: "054", ghiChu: "CCCD cán bộ không có trong danh sách đăng ký", card: nil)), nil)
        }
        guard Self.normalized(member.name) == Self.normalized(request.hoTenCb ?? "") else {
            return (.answer(.init(maKetQua: "055", ghiChu: "Họ tên cán bộ không khớp CCCD", card: nil)), nil)
        }

        guard let card = find(code) else {
            return (.answer(.init(maKetQua: Self.codeForUnknown(code), ghiChu: "Không có thông tin thẻ", card: nil)), nil)
        }
        if let fault = card.fault { return (.fault(fault, card: card), card) }

        let scripted = card.maKetQua ?? "000"
        if !["060", "061", "070"].contains(scripted) {
            if Self.normalized(card.hoTen) != Self.normalized(name) {
                let sameStart = Self.normalized(card.hoTen).prefix(3) == Self.normalized(name).prefix(3)
                return (.answer(.init(maKetQua: sameStart ? "061" : "060", ghiChu: "Họ tên không đúng", card: nil)), card)
            }
            if !Self.birthMatches(requested: birth, onRecord: card.ngaySinh) {
                return (.answer(.init(maKetQua: "070", ghiChu: "Ngày sinh không đúng", card: nil)), card)
            }
        }
        let note = card.ghiChu ?? "Kết quả tra cứu mã \(scripted)"
        return (.answer(.init(maKetQua: scripted, ghiChu: note, card: card)), card)
    }

    /// By card code, CCCD or BHXH number; a replacement card answers for itself.
    func find(_ code: String) -> ScenarioCard? {
        if let card = scenario.cards.first(where: { $0.maThe == code || $0.cccd == code || $0.maSoBHXH == code }) {
            return card
        }
        return scenario.cards.lazy.compactMap(\.replacementAnswer).first { $0.maThe == code }
    }

    /// 12 or 10 digits: a well-formed identifier nobody holds (050). A 15-character code is checked
    /// position by position like the gateway does (051/052/053).
    static func codeForUnknown(_ code: String) -> String {
        let bytes = Array(code.utf8)
        let isDigit: (UInt8) -> Bool = { (48...57).contains($0) }
        if (bytes.count == 12 || bytes.count == 10) && bytes.allSatisfy(isDigit) { return "050" }
        guard bytes.count == 15, bytes[0..<2].allSatisfy({ (65...90).contains($0) }),
              bytes[3...].allSatisfy(isDigit)
        else { return "051" }
        if !(49...53).contains(bytes[2]) { return "053" }
        if bytes[3] == 48 && bytes[4] == 48 { return "052" }
        return "050"
    }

    /// `dd/MM/yyyy` or a bare `yyyy`.
    static func isBirthDateFormat(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let digits = { (range: Range<Int>) in bytes[range].allSatisfy { (48...57).contains($0) } }
        if bytes.count == 4 { return digits(0..<4) }
        return bytes.count == 10 && bytes[2] == 47 && bytes[5] == 47 && digits(0..<2) && digits(3..<5) && digits(6..<10)
    }

    static func birthMatches(requested: String, onRecord: String) -> Bool {
        requested.count == 4 ? onRecord.hasSuffix(requested) : requested == onRecord
    }

    /// Names compare case-insensitively in NFC with whitespace collapsed, like a lenient server.
    static func normalized(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .precomposedStringWithCanonicalMapping.uppercased()
    }
}
