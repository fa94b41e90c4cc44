/// The CCCD QR payloads of the invented sample people (Samples/qr, Samples/vcard and the demo
/// scenario hold the same people), for tests that scan them into the pipeline or the daemon.
public enum SamplePayload {
    /// nguyen-thi-mau (2021 card, 7 fields).
    public static let mau = "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"
    /// dang-thi-ngoc-huong (the cloned-chip sample card).
    public static let huong = "024150000789|121000789|Đặng Thị Ngọc Hường|02091950|Nữ|Thôn Thử Nghiệm, Xã Giả Lập, Huyện Mẫu, Bắc Giang|20032022"
    /// Phạm Văn Hết Hạn: no chip sample; the demo scenario answers 010 (BHYT card expired).
    public static let hetHan = "001085000789||Phạm Văn Hết Hạn|02021985|Nam|Số 5 phố Giả Định, Hà Nội|10052022"
}
