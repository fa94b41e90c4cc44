import CCCDTestSupport
import Foundation
import Testing

/// The real-browser harness (`browser/kiosk_browser.py`: headless Chromium over its DevTools pipe)
/// run against any kiosk URL — the page's development fake here, `cccdd --demo` elsewhere.
enum KioskBrowser {
    static let harness = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("browser/kiosk_browser.py")

    /// Whether Debian's Chromium is installed; prints a SKIPPED line with the remedy when not.
    static var isAvailable: Bool {
        guard which("chromium") != nil, which("python3") != nil else {
            print("SKIPPED: chromium or python3 is not installed; run `make test-deps` (TEST_DEBS)")
            return false
        }
        return true
    }

    /// The invented people the page shows: none of them may reach the console or web storage.
    static let inventedPeople = ["Nguyễn Thị Mẫu", "Phạm Văn Giả", "Hoàng Thị Chờ", "15/03/1990", "1990-03-15", "001190006789"]

    /// Where screenshots are kept after the run: `artifacts/kiosk-page/NAME` in the repository (ignored
    /// by git), or under `$KIOSK_PAGE_ARTIFACTS`.
    static func screenshots(_ name: String) throws -> URL {
        let root = ProcessInfo.processInfo.environment["KIOSK_PAGE_ARTIFACTS"].map { URL(fileURLWithPath: $0) }
            ?? DevKiosk.repository.appendingPathComponent("artifacts/kiosk-page")
        let folder = root.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs the steps at `size` ("1280x800") and records a failure with the harness's own message.
    @discardableResult
    static func run(url: String, size: String, screenshots: URL, steps: [String],
                    timeout: Duration = .seconds(180), sourceLocation: SourceLocation = #_sourceLocation) async throws -> ProcessOutcome {
        guard let python = which("python3") else { throw KioskPageTestError(description: "python3 is not installed") }
        // The harness's own deadline comes first, so a stuck run still reports the step it was on.
        var arguments = [harness.path, "--url", url, "--size", size, "--screenshots", screenshots.path, "--timeout", "20",
                         "--deadline", "150"]
        for value in inventedPeople { arguments += ["--personal-data", value] }
        let outcome = try await runProcess(python, arguments + steps, timeout: timeout)
        #expect(outcome.status == 0, "kiosk_browser at \(size): \(outcome.stderrText)", sourceLocation: sourceLocation)
        return outcome
    }

    /// The steps that present one demo patient through the page's demo panel.
    static func present(_ label: String) -> [String] {
        ["click-text:Bản trình diễn", "click-text:\(label)"]
    }
}
