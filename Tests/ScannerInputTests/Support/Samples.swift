/// Invented people only (see cccd.md §1).
enum Samples {
    static let cccd2021 =
        "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"
    static let cccd2024 =
        "079205000456||Trần Văn Thử|20112005|Nam|Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh|15082024||||"

    static var cccd2021Bytes: [UInt8] { Array(cccd2021.utf8) }
    static var cccd2024Bytes: [UInt8] { Array(cccd2024.utf8) }
}
