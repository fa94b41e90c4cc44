import CCCDTestSupport
import Foundation
import Testing

/// The page after its daemon restarts: it says the connection is lost, keeps trying, and carries on
/// by itself — or, when the new boot no longer accepts its cookie, says it must be opened again.
///
/// The browser and this test meet through files: the harness signals when it has seen a state, the
/// test stops and restarts the fake on the same port, then signals back.
@Suite(.serialized, .enabled(if: KioskBrowser.isAvailable, "Debian's chromium is not installed (make test-deps)"))
struct ReconnectPageTests {
    @Test func theStreamComesBackByItselfAfterARestart() async throws {
        try await restart(keepingCookie: true, name: "reconnect", afterRestart: [
            "wait-no-text:Mất kết nối", "wait-gone:#connection",
        ] + KioskBrowser.present("Có thẻ BHYT còn hạn") + [
            "wait-text:Nguyễn Thị Mẫu", "wait-text:Đủ điều kiện hưởng BHYT", "screenshot:after-restart",
        ])
    }

    @Test func aCookieOfThePreviousBootAsksForANewLogin() async throws {
        try await restart(keepingCookie: false, name: "stale-cookie", afterRestart: [
            "wait-text:Trang tiếp nhận cần đăng nhập lại", "wait-selector:body[data-view=locked]", "screenshot:locked",
        ])
    }

    private func restart(keepingCookie: Bool, name: String, afterRestart: [String]) async throws {
        try await withTemporaryDirectory { folder in
            let stopNow = folder.appendingPathComponent("stop-now"), sawBadge = folder.appendingPathComponent("saw-badge")
            let restarted = folder.appendingPathComponent("restarted")
            let first = try await DevKiosk.start(cookie: "first-boot", hold: 60, log: folder.appendingPathComponent("boot1.log"))
            let shots = try KioskBrowser.screenshots(name)
            async let browser = KioskBrowser.run(url: first.loginURL, size: "1280x800", screenshots: shots, steps: [
                "wait-text:Xin mời xuất trình thẻ Căn cước", "signal-file:\(stopNow.path)",
                "wait-text:Mất kết nối — đang kết nối lại", "screenshot:connection-lost", "signal-file:\(sawBadge.path)",
                "await-file:\(restarted.path)",
            ] + afterRestart)

            var second: DevKiosk?
            var failure: (any Error)?
            do {
                try await KioskBrowser.awaitSignal(stopNow)
                await first.stop()
                try await KioskBrowser.awaitSignal(sawBadge)
                second = try await DevKiosk.start(port: first.port, cookie: keepingCookie ? "first-boot" : "second-boot",
                                                  hold: 60, log: folder.appendingPathComponent("boot2.log"))
                try Data().write(to: restarted)
            } catch {
                failure = error
                await first.stop()
                try? Data().write(to: restarted)   // let the harness finish
            }
            _ = try await browser
            await second?.stop()
            if let failure { throw failure }
        }
    }
}
