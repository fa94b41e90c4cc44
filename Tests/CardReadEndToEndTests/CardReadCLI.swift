import CCCDTestSupport
import Foundation

/// The real `cccdctl card read` binary against the rig's first virtual reader.
enum CardReadCLI {
    static let qrPayload = "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"

    static func run(_ arguments: [String]) async throws -> ProcessOutcome {
        try await runProcess(
            BuiltProducts.executable("cccdctl"),
            ["card", "read", "--reader", PCSCRig.firstReaderName] + arguments,
            timeout: .seconds(90)
        )
    }

    /// Runs a read with `--json` and returns the parsed object; fails with stderr when it did not exit 0.
    static func readJSON(_ arguments: [String]) async throws -> [String: Any] {
        let outcome = try await run(arguments + ["--json"])
        guard outcome.status == 0 else {
            throw EndToEndFailure(description: "card read exited \(outcome.status): \(outcome.stderrText)")
        }
        guard let object = try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any] else {
            throw EndToEndFailure(description: "not a JSON object: \(outcome.stdoutText)")
        }
        return object
    }
}
