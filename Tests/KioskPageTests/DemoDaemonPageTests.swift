import CCCDTestSupport
import Foundation
import Testing

/// The reception page served by the real `cccdd --demo` (not the page's fake): sample patients
/// presented from the page's own demo panel run through the daemon's whole pipeline — virtual
/// card on a virtual reader, verification, the BHXH simulator, the ledger — and the test reads
/// what the screen shows.
@Suite(.serialized, .enabled(if: KioskBrowser.isAvailable && VirtualCardMaterial.toolsAvailable,
                             "chromium, openssl or ImageMagick is not installed (make test-deps)"))
struct DemoDaemonPageTests {
    static let sizes = ["1280x800", "1920x1080"]

    @Test func samplePatientsShowTheVerdictAndTheInsuranceResultAtBothSizes() async throws {
        try await withTemporaryDirectory { folder in
            try await KioskDaemon.withDemo(in: folder) { daemon, loginURL in
                let shots = try KioskBrowser.screenshots("daemon-demo")
                try await KioskBrowser.run(url: loginURL.absoluteString, size: "1280x800", screenshots: shots, steps: [
                    "wait-text:Xin mời xuất trình thẻ Căn cước", "wait-text:Đầu đọc: 1", "wait-text:Cổng BHXH: chưa tra cứu",
                ] + Self.screenshots("waiting") + KioskBrowser.present("Có thẻ BHYT còn hạn") + [
                    "wait-text:Nguyễn Thị Mẫu", "wait-text:15/03/1990", "wait-text:0011****0123", "wait-text:Nguồn Chip thẻ Căn cước",
                    "wait-selector:body[data-verdict=authentic] #panel-verdict.tone-good", "wait-text:Thẻ thật",
                    "wait-text:Đủ điều kiện hưởng BHYT", "wait-selector:#panel-bhyt.tone-good", "wait-text:GD4010190000123",
                    "wait-text:Thông tin thẻ chính xác", "wait-text:Tiếp nhận khám chữa bệnh BHYT.", "wait-selector:#patient-photo",
                    "wait-text:Cổng BHXH: hoạt động",
                ] + Self.screenshots("insured") + KioskBrowser.present("Chip bị sao chép") + [
                    "wait-text:Đặng Thị Ngọc Hường", "wait-text:0241****0789",
                    "wait-selector:body[data-verdict=suspicious] #panel-verdict.tone-bad", "wait-text:Thẻ có dấu hiệu bất thường",
                    "wait-text:Chip không chứng minh được", "wait-text:Thẻ có dấu hiệu bất thường: đối chiếu giấy tờ và khuôn mặt",
                ] + Self.screenshots("cloned-chip") + KioskBrowser.present("Cổng BHXH mất kết nối") + [
                    "wait-text:Trần Văn Thử", "wait-selector:body[data-verdict=authentic]",
                    "wait-text:Không kết nối được cổng BHXH — tiếp nhận thủ công, hệ thống sẽ tra cứu lại.",
                    // The chain [bhxh, offline] falls back to its offline adapter: not looked up, amber, retry offered.
                    "wait-selector:body[data-eligibility=skipped] #panel-bhyt.tone-warn", "wait-text:Chưa tra cứu BHYT",
                    "wait-text:Chế độ ngoại tuyến", "wait-selector:#retry",
                    "wait-selector:#manual-from-error", "wait-text:Cổng BHXH: mất kết nối",
                ] + Self.screenshots("gateway-down") + KioskBrowser.present("Thẻ BHYT hết hạn") + [
                    "wait-text:Phạm Văn Hết Hạn", "wait-text:Nguồn Mã QR thẻ Căn cước", "wait-text:Chưa xác thực chip",
                    "wait-text:Không đủ điều kiện hưởng BHYT", "wait-selector:#panel-bhyt.tone-bad", "wait-text:(mã 010)",
                ] + Self.screenshots("expired-card"), personalData: KioskBrowser.demoPeople)
                #expect(!daemon.output.contains("Nguyễn Thị Mẫu"), "the daemon logged personal data")
            }
        }
    }

    @Test func manualEntryIsLookedUpAndTheDaemonsRefusalIsShownInTheForm() async throws {
        try await withTemporaryDirectory { folder in
            try await KioskDaemon.withDemo(in: folder) { _, loginURL in
                let shots = try KioskBrowser.screenshots("daemon-manual-entry")
                try await KioskBrowser.run(url: loginURL.absoluteString, size: "1280x800", screenshots: shots, steps: [
                    "wait-text:Xin mời xuất trình thẻ Căn cước", "click:#manual-open", "wait-selector:#manual-dialog[open]",
                    // Passes the page's own checks; the daemon refuses it (digits 4–6 say 1985, the date 1986): 422 in the form.
                    "type:#manual-id=001085000789", "type:#manual-name=Phạm Văn Hết Hạn", "type:#manual-dob=02/02/1986",
                    "click:#manual-submit", "wait-text:Số CCCD không khớp với năm sinh", "wait-selector:#manual-dialog[open]",
                    "screenshot:manual-422",
                    // Corrected: the gateway's answer for this invented person (card expired, code 010).
                    "type:#manual-id=001085000789", "type:#manual-dob=02/02/1985", "click:#manual-submit",
                    "wait-gone:#manual-dialog[open]", "wait-text:Phạm Văn Hết Hạn", "wait-text:0010****0789",
                    "wait-text:Nguồn Nhập thủ công", "wait-text:Chưa xác thực chip",
                    "wait-selector:body[data-eligibility=notEligible] #panel-bhyt.tone-bad", "wait-text:Không đủ điều kiện hưởng BHYT",
                    "wait-text:Thẻ hết giá trị sử dụng", "wait-text:(mã 010)", "wait-text:DN4010185000789",
                    "screenshot:manual-result",
                    // By BHYT card code, with the name and date of birth the gateway matches on.
                    "click:#manual-open", "click-text:Theo mã thẻ BHYT", "type:#manual-card-code=gd4010190000123",
                    "type:#manual-name=Nguyễn Thị Mẫu", "type:#manual-dob=15/03/1990", "click:#manual-submit",
                    "wait-gone:#manual-dialog[open]", "wait-text:GD4010190000123", "wait-text:Nguyễn Thị Mẫu", "wait-text:15/03/1990",
                    "wait-selector:body[data-eligibility=eligible] #panel-bhyt.tone-good", "screenshot:manual-card-code",
                ], personalData: KioskBrowser.demoPeople)
            }
        }
    }

    /// A screenshot of the current screen at each kiosk size, back at the first size afterwards.
    static func screenshots(_ name: String) -> [String] {
        sizes.flatMap { ["size:\($0)", "sleep:0.3", "screenshot:\(name)-\($0)"] } + ["size:\(sizes[0])"]
    }
}
