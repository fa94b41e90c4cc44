import CCCDTestSupport
import Foundation
import Testing

/// The reception page in headless Chromium at both kiosk screen sizes, fed by the page's development
/// fake: what a patient and the desk see for each kind of presentation.
@Suite(.serialized, .enabled(if: KioskBrowser.isAvailable, "Debian's chromium is not installed (make test-deps)"))
struct ReceptionPageTests {
    @Test(arguments: ["1280x800", "1920x1080"])
    func presentationsShowTheVerdictAndTheInsuranceResult(size: String) async throws {
        try await withTemporaryDirectory { folder in
            try await DevKiosk.with(cookie: "reception-\(size)", hold: 8, in: folder) { kiosk in
                let shots = try KioskBrowser.screenshots("presentations-\(size)")
                try await KioskBrowser.run(url: kiosk.loginURL, size: size, screenshots: shots, steps: [
                    "wait-text:Xin mời xuất trình thẻ Căn cước", "wait-text:Quét mã QR trên thẻ", "wait-text:Đặt thẻ lên đầu đọc",
                    "screenshot:waiting",
                ] + KioskBrowser.present("Có thẻ BHYT còn hạn") + [
                    "wait-text:Đang đọc chip… giữ yên thẻ", "wait-selector:#progress-bar", "screenshot:reading",
                    "wait-text:Nguyễn Thị Mẫu", "wait-text:15/03/1990", "wait-text:0011****6789",
                    "wait-selector:body[data-verdict=authentic] #panel-verdict.tone-good",
                    "wait-text:Đủ điều kiện hưởng BHYT", "wait-selector:#panel-bhyt.tone-good", "wait-text:DN4010123456789",
                    "wait-text:Thông tin thẻ chính xác", "wait-text:Tiếp nhận khám BHYT đúng tuyến", "wait-selector:#patient-photo",
                    "screenshot:insured",
                    // Held for 8 s, then the page clears itself back to waiting.
                    "wait-text:Xin mời xuất trình thẻ Căn cước", "wait-no-text:Nguyễn Thị Mẫu", "wait-gone:#patient-photo",
                ] + KioskBrowser.present("Chip sao chép") + [
                    "wait-text:Thẻ có dấu hiệu bất thường", "wait-selector:#panel-verdict.tone-bad",
                    "wait-text:Chip không chứng minh được là chip gốc", "wait-text:activeAuthentication", "screenshot:cloned-chip",
                ] + KioskBrowser.present("Cổng BHXH không trả lời") + [
                    "wait-text:Không kết nối được cổng BHXH", "wait-text:Tiếp nhận thủ công — hệ thống sẽ tự tra cứu lại",
                    "wait-selector:#panel-bhyt.tone-warn", "wait-selector:#retry", "screenshot:gateway-down",
                    "click:#retry", "wait-text:Đủ điều kiện hưởng BHYT",
                ] + KioskBrowser.present("Dữ liệu chip bị sửa") + [
                    "wait-text:Thẻ không hợp lệ", "wait-text:Dữ liệu thông tin công dân (DG13) trên chip đã bị thay đổi",
                    "wait-text:vendor.extraCheck", "screenshot:tampered-chip",
                ] + KioskBrowser.present("Chưa có chứng chỉ gốc") + [
                    "wait-text:Cần kiểm tra giấy tờ", "wait-selector:#panel-verdict.tone-warn",
                    "wait-text:Đủ điều kiện — kiểm tra thẻ và giấy tờ", "screenshot:unchained",
                ])
            }
        }
    }

    @Test func theLanguageSwitchShowsEnglishAndIsRemembered() async throws {
        try await withTemporaryDirectory { folder in
            try await DevKiosk.with(cookie: "language", hold: 60, in: folder) { kiosk in
                let shots = try KioskBrowser.screenshots("english")
                try await KioskBrowser.run(url: kiosk.loginURL, size: "1280x800", screenshots: shots, steps: [
                    "wait-selector:html[lang=vi]", "click-text:English", "wait-text:Please present your citizen ID card",
                    "wait-selector:html[lang=en]", "reload", "wait-text:Please present your citizen ID card",
                    "click-text:Demo", "click-text:Expired BHYT card",
                    "wait-text:Trần Văn Thử", "wait-text:Not covered by health insurance", "wait-selector:#panel-bhyt.tone-bad",
                    "wait-text:The card has expired", "wait-text:(code 010)", "screenshot:expired-card-en",
                    "click-text:Tiếng Việt", "wait-text:Không đủ điều kiện hưởng BHYT", "wait-text:Thẻ hết giá trị sử dụng",
                ])
            }
        }
    }
}
