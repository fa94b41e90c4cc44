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

    /// The invented people the page's fake shows: none of them may reach the console or web storage.
    static let inventedPeople = ["Nguyễn Thị Mẫu", "Phạm Văn Giả", "Hoàng Thị Chờ", "15/03/1990", "1990-03-15", "001190006789"]

    /// The invented people of `cccdd --demo` (Samples/bhxh-sim/demo-scenario.json), likewise.
    static let demoPeople = ["Nguyễn Thị Mẫu", "Đặng Thị Ngọc Hường", "Trần Văn Thử", "Phạm Văn Hết Hạn", "001190000123",
                             "024150000789", "079205000456", "001085000789", "1990-03-15", "1985-02-02"]

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
    static func run(url: String, size: String, screenshots: URL, steps: [String], personalData: [String] = inventedPeople,
                    timeout: Duration = .seconds(180), sourceLocation: SourceLocation = #_sourceLocation) async throws -> ProcessOutcome {
        guard let python = which("python3") else { throw KioskPageTestError(description: "python3 is not installed") }
        // The harness's own deadline comes first, so a stuck run still reports the step it was on.
        var arguments = [harness.path, "--url", url, "--size", size, "--screenshots", screenshots.path, "--timeout", "20",
                         "--deadline", "150"]
        for value in personalData { arguments += ["--personal-data", value] }
        let outcome = try await runProcess(python, arguments + steps, timeout: timeout)
        #expect(outcome.status == 0, "kiosk_browser at \(size): \(outcome.stderrText)", sourceLocation: sourceLocation)
        return outcome
    }

    /// Waits until the harness creates `file` (its `signal-file:` step), up to a minute.
    static func awaitSignal(_ file: URL) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !FileManager.default.fileExists(atPath: file.path) {
            guard ContinuousClock.now < deadline else { throw KioskPageTestError(description: "\(file.lastPathComponent) never appeared") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The steps that present one demo patient through the page's demo panel.
    static func present(_ label: String) -> [String] {
        ["click-text:Bản trình diễn", "click-text:\(label)"]
    }
}
