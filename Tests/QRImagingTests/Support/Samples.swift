/// Invented people only (the spec's samples plus one more); none of them exists.
enum Samples {
    static let cccd2021 = "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"
    static let cccd2024 = "079205000456||Trần Văn Thử|20112005|Nam|Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh|15082024||||"
    /// An elderly holder whose name stacks two diacritics on one vowel ("ặ", "ọ", "ườ").
    static let elderly = "024150000789|121000789|Đặng Thị Ngọc Hường|02091950|Nữ|Thôn Thử Nghiệm, Xã Giả Lập, Huyện Mẫu, Bắc Giang|20032022"
    /// A health-insurance (BHYT) card style payload: ASCII code, hex-encoded UTF-8 name.
    static let bhyt = "DN4010123456789|4e677579e1bb856e2056c4836e204de1baab75|01/01/1985|1|53e1bb912033206e67c3b5205468e1bbad2c2048c3a0204ee1bb9969|01/01/2024|-|"
}
