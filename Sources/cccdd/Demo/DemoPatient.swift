import CCCDIdentity
import KioskHTTP

/// A sample patient of the demo: what the virtual scanner reads (a CCCD QR payload) and which
/// virtual card, if any, is placed on the virtual reader. Every person is invented; the same
/// people are in `Samples/vcard` and `Samples/bhxh-sim/demo-scenario.json`.
struct DemoCase: Sendable {
    var patient: DemoPatient
    var qrPayload: String
    /// The virtual card's profile name under the demo material folder; nil for a QR alone.
    var card: String?
    /// The simulated gateway is down while this patient is presented.
    var gatewayDown = false

    static let all: [DemoCase] = [
        DemoCase(
            patient: .init(id: "insured", label: .init(vi: "Có thẻ BHYT còn hạn", en: "Insured, card valid")),
            qrPayload: "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021",
            card: "nguyen-thi-mau"),
        DemoCase(
            patient: .init(id: "expiredCard", label: .init(vi: "Thẻ BHYT hết hạn", en: "BHYT card expired")),
            qrPayload: "001085000789||Phạm Văn Hết Hạn|02021985|Nam|Số 5 phố Giả Định, Hà Nội|10052022"),
        DemoCase(
            patient: .init(id: "newCard", label: .init(vi: "Đã cấp thẻ mới (003)", en: "New card issued (003)")),
            qrPayload: "031190000321||Lê Thị Cấp Mới|09091990|Nữ|Số 3 ngõ Mẫu, Hải Phòng|12062022"),
        DemoCase(
            patient: .init(id: "clonedChip", label: .init(vi: "Chip bị sao chép", en: "Cloned chip")),
            qrPayload: "024150000789|121000789|Đặng Thị Ngọc Hường|02091950|Nữ|Thôn Thử Nghiệm, Xã Giả Lập, Huyện Mẫu, Bắc Giang|20032022",
            card: "dang-thi-ngoc-huong"),
        DemoCase(
            patient: .init(id: "qrChipMismatch", label: .init(vi: "QR và chip không khớp", en: "QR and chip disagree")),
            qrPayload: "001190000123|012345678|Nguyễn Thị Mận|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021",
            card: "nguyen-thi-mau"),
        DemoCase(
            patient: .init(id: "gatewayDown", label: .init(vi: "Cổng BHXH mất kết nối", en: "BHXH gateway down")),
            qrPayload: "079205000456||Trần Văn Thử|20112005|Nam|Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh|15082024||||",
            card: "tran-van-thu", gatewayDown: true),
    ]
}
