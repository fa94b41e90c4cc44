import Foundation
import Synchronization
import Testing
import CCCDTestSupport

/// The real `cccdctl` binary against a fake sysfs (`FakeKiosk`) and a real pseudo-terminal.
@Suite("cccdctl scanners")
struct ScannersCommandTests {
    private let cccdctl = BuiltProducts.executable("cccdctl")

    private func withFakeKiosk<T>(_ body: (FakeSysfs) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { folder in
            let sysfs = try FakeSysfs(in: folder)
            try FakeKiosk.build(sysfs)
            return try await body(sysfs)
        }
    }

    private func arguments(_ sysfs: FakeSysfs, _ extra: [String]) -> [String] {
        ["scanners", "--sysfs-root", sysfs.sysfsRoot.path, "--dev-root", sysfs.deviceRoot.path] + extra
    }

    @Test("--json lists each scanner with mode, node and usability")
    func json() async throws {
        try await withFakeKiosk { sysfs in
            let outcome = try await runProcess(cccdctl, arguments(sysfs, ["--json", "--as-user", "nobody"]))
            #expect(outcome.status == 0, "\(outcome.stderrText)")
            let document = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
            let scanners = try #require(document["scanners"] as? [[String: Any]])
            #expect(scanners.compactMap { $0["usbPath"] as? String } == ["1-1", "1-2", "1-3", "2-1", "2-2"])
            #expect(scanners.compactMap { $0["mode"] as? String } == ["serial", "hidpos", "keyboard", "hidpos", "serial"])
            #expect(scanners.compactMap { $0["id"] as? String } == ["1eab:1a06", "0c2e:0b87", "1eab:1a03", "1234:5678", "1a86:7523"])
            let nodes = scanners.compactMap { ($0["node"] as? String)?.replacingOccurrences(of: sysfs.deviceRoot.path, with: "/dev") }
            #expect(nodes == ["/dev/ttyACM0", "/dev/hidraw0", "/dev/input/event3", "/dev/hidraw4", "/dev/ttyUSB0"])
            let access = scanners.compactMap { $0["access"] as? [String: Any] }
            #expect(access.compactMap { $0["usable"] as? Bool } == [false, false, false, false, false])
            let problem = try #require(access.first?["problem"] as? [String: String])
            #expect(problem["en"]?.contains("'nobody' may not read and write") == true)
            #expect(problem["vi"]?.isEmpty == false)
            let advice = scanners[2]["advice"] as? [String: String]
            #expect(advice?["en"]?.contains("keyboard mode") == true)
        }
    }

    @Test("the table marks keyboard mode and explains why a scanner is unusable")
    func table() async throws {
        try await withFakeKiosk { sysfs in
            let outcome = try await runProcess(cccdctl, arguments(sysfs, ["--as-user", "nobody"]))
            #expect(outcome.status == 0, "\(outcome.stderrText)")
            let lines = outcome.stdoutText.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("USB") == true)
            #expect(lines.contains { $0.hasPrefix("1-3:0") && $0.contains("keyboard") && $0.contains("Newland 1eab:1a03") })
            #expect(lines.contains { $0.contains("! The scanner is in keyboard mode") })
            #expect(lines.contains { $0.contains("ttyUSB0 does not exist") })

            let vietnamese = try await runProcess(cccdctl, arguments(sysfs, ["--lang", "vi", "--as-user", "nobody"]))
            #expect(vietnamese.stdoutText.contains("CHẾ ĐỘ"))
            #expect(vietnamese.stdoutText.contains("chế độ bàn phím"))
        }
    }

    @Test("--all adds the plain keyboard; a missing sysfs is an error with a clear message")
    func allAndMissing() async throws {
        try await withFakeKiosk { sysfs in
            let all = try await runProcess(cccdctl, arguments(sysfs, ["--all", "--json"]))
            #expect(all.stdoutText.contains("046d:c31c"))
            #expect(!all.stdoutText.contains("0781:5567"))
        }
        try await withTemporaryDirectory { folder in
            let outcome = try await runProcess(cccdctl, ["scanners", "--sysfs-root", folder.path])
            #expect(outcome.status == 2)
            #expect(outcome.stderrText.contains("Cannot read the USB device list"))
        }
    }

    @Test("watch reads a serial scanner and prints lengths, not the payload, unless asked", .timeLimit(.minutes(2)))
    func watchSerial() async throws {
        let payload = "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"
        for showPayload in [false, true] {
            let pty = try PseudoTerminal()
            // The scanner keeps scanning until cccdctl has read one: it flushes stale input when it
            // opens the port, so frames written before that are (correctly) dropped.
            let scanner = RepeatingScanner(pty: pty, frame: Array(payload.utf8) + [0x0D])
            defer { scanner.stop() }
            let outcome = try await runProcess(
                cccdctl,
                ["scanners", "watch", "--device", pty.slavePath, "--mode", "serial", "--count", "1"]
                    + (showPayload ? ["--show-payload"] : []),
                timeout: .seconds(30))
            scanner.stop()
            #expect(outcome.status == 0, "\(outcome.stderrText)")
            #expect(outcome.stdoutText.contains("connected: \(pty.slavePath)"))
            #expect(outcome.stdoutText.contains("scan: \(payload.utf8.count) bytes, exact"))
            #expect(outcome.stdoutText.contains("Nguyễn Thị Mẫu") == showPayload)
            #expect(outcome.stdoutText.contains("001190000123") == showPayload)
        }
    }
}

/// Writes the same scan to a pty every 50 ms from a thread of its own, until stopped.
///
/// A thread, not a task: the writes keep their pace however busy the cooperative pool (two threads
/// on a two-core machine) is, and this child only exits once it has received a scan.
final class RepeatingScanner: Sendable {
    private let stopped = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)

    init(pty: PseudoTerminal, frame: [UInt8]) {
        let thread = Thread { [self] in
            while !stopped.load(ordering: .acquiring) {
                // A short patience: once cccdctl has exited nobody reads the slave, and stop()
                // must not wait out a long poll on a full pty buffer.
                try? pty.write(frame, patience: .milliseconds(200))
                usleep(50_000)
            }
            finished.store(true, ordering: .releasing)
        }
        thread.start()
    }

    /// Stops the thread and waits for it, so it never writes to a closed descriptor.
    func stop() {
        stopped.store(true, ordering: .releasing)
        while !finished.load(ordering: .acquiring) { usleep(1_000) }
    }
}
