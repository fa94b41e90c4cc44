import CCCDTestSupport
import Foundation
import Testing

/// Staff entering a patient by hand when a card cannot be read: the page's own checks, the daemon's
/// 422 answers shown in the form, and the lookup that follows.
@Suite(.serialized, .enabled(if: KioskBrowser.isAvailable, "Debian's chromium is not installed (make test-deps)"))
struct ManualEntryPageTests {
    @Test func aCardPulledMidReadLeadsToManualEntry() async throws {
        try await withTemporaryDirectory { folder in
            try await DevKiosk.with(cookie: "manual", hold: 60, in: folder) { kiosk in
                let shots = try KioskBrowser.screenshots("manual-entry")
                try await KioskBrowser.run(url: kiosk.loginURL, size: "1280x800", screenshots: shots, steps: KioskBrowser.present("Nhấc thẻ khi đang đọc") + [
                    "wait-text:Thẻ bị nhấc khỏi đầu đọc khi đang đọc chip", "wait-selector:body[data-state=failed]",
                    "screenshot:card-pulled", "click:#manual-from-error", "wait-selector:#manual-dialog[open]",
                    // The page's own checks: nothing is sent.
                    "type:#manual-id=00119000678", "click:#manual-submit", "wait-text:Số định danh phải gồm đúng 12 chữ số.",
                    // The daemon's: the ID's birth-year digits disagree with the date of birth → 422, shown as given.
                    "type:#manual-id=001190006789", "type:#manual-name=Nguyễn Thị Mẫu", "type:#manual-dob=15/03/1985",
                    "click:#manual-submit", "wait-text:Số định danh không khớp với năm sinh", "screenshot:manual-422",
                    "type:#manual-dob=15/03/1990", "click:#manual-submit", "wait-gone:#manual-dialog[open]",
                    "wait-text:Nguồn Nhập thủ công", "wait-text:Đủ điều kiện hưởng BHYT", "wait-text:0011****6789",
                    "wait-text:Chưa xác thực chip", "screenshot:manual-result",
                    // By BHYT card code.
                    "click:#manual-open", "click-text:Theo mã thẻ BHYT", "type:#manual-card-code=dn40101", "click:#manual-submit",
                    "wait-text:Mã thẻ BHYT gồm 2 chữ cái và 13 chữ số", "type:#manual-card-code=hc4010987654321",
                    // The name and date of birth are asked on this path too: BHXH matches on them.
                    "click:#manual-submit", "wait-text:Hãy nhập họ và tên.", "type:#manual-name=Hoàng Thị Chờ",
                    "type:#manual-dob=24/12/1995", "click:#manual-submit", "wait-text:HC4010987654321",
                    "wait-text:Hoàng Thị Chờ", "wait-text:24/12/1995",
                    "screenshot:manual-card-code",
                ])
            }
        }
    }
}
