public import Foundation

/// Debian's `qrencode` (libqrencode): an encoder that shares no code with zbar, so a round trip
/// through it and the product's decoder proves something. `make test` installs it (TEST_DEBS).
public enum QREncode {
    public static let executable = which("qrencode")

    /// Whether `qrencode` is installed; prints a SKIPPED line when it is not, so a test disabled
    /// for want of it is visible in the output.
    public static var isAvailable: Bool {
        if executable == nil { print("SKIPPED: qrencode is not installed; run `make test-deps` (TEST_DEBS)") }
        return executable != nil
    }

    /// Encodes `payload` as a QR PNG at `url` in 8-bit mode, so the bytes go in untouched.
    public static func encode(_ payload: [UInt8], to url: URL, moduleSize: Int = 6) async throws {
        guard let executable else { throw ChildProcessError(description: "qrencode is not installed") }
        let outcome = try await runProcess(
            executable,
            ["-8", "-s", String(moduleSize), "-m", "4", "-o", url.path],
            stdin: Data(payload)
        )
        guard outcome.status == 0 else {
            throw ChildProcessError(description: "qrencode failed: \(outcome.stderrText)")
        }
    }
}
