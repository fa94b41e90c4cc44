import CCCDTestSupport
import Foundation

/// The invented people the soak presents: BHYT card QRs (straight to the lookup), CCCD QRs alone
/// (the lookup after the join window) and CCCD QRs with their virtual chip.
enum Patients {
    struct BHYTCard: Sendable {
        var code: String
        var name: String
        var birth: String
        /// The card QR's sex field: 1 male, 2 female.
        var sex: Int

        /// `code|hex(name)|birth|sex|$`, the fields a BHYT card QR must have.
        var payload: String {
            let hex = name.utf8.map { String(format: "%02x", $0) }.joined()
            return "\(code)|\(hex)|\(birth)|\(sex)|$"
        }
    }

    /// Cards of the demo scenario with a scripted answer (eligible, replaced, expired, military, revoked).
    static let bhytCards = [
        BHYTCard(code: "GD4010190000123", name: "Nguyễn Thị Mẫu", birth: "15/03/1990", sex: 2),
        BHYTCard(code: "HT2240150000789", name: "Đặng Thị Ngọc Hường", birth: "02/09/1950", sex: 2),
        BHYTCard(code: "HS4790205000456", name: "Trần Văn Thử", birth: "20/11/2005", sex: 1),
        BHYTCard(code: "DN4010185000789", name: "Phạm Văn Hết Hạn", birth: "02/02/1985", sex: 1),
        BHYTCard(code: "QN5970180000555", name: "Hoàng Văn Quân", birth: "12/12/1980", sex: 1),
        BHYTCard(code: "GD4010175000666", name: "Đặng Văn Thu Hồi", birth: "08/08/1975", sex: 1),
    ]

    /// CCCD QRs presented without a card.
    static let citizenQRs = [SamplePayload.hetHan, SamplePayload.mau]

    /// Virtual chips (profile name in the card material) and the QR printed on the same card.
    static let chips = [("nguyen-thi-mau", SamplePayload.mau), ("dang-thi-ngoc-huong", SamplePayload.huong)]
}
