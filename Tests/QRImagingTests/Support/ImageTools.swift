import CCCDTestSupport
import Foundation

/// The independent tools tests make real images with: Debian's `qrencode` (libqrencode, an
/// encoder that shares no code with zbar) and ImageMagick's `convert`. `make test` installs
/// both (TEST_DEBS); tests that need one are skipped, loudly, when it is missing.
enum ImageTools {
    static let qrencode = which("qrencode")
    static let convert = which("convert")

    static var haveQREncode: Bool { reportMissing("qrencode", qrencode) }
    static var haveBoth: Bool { reportMissing("qrencode", qrencode) && reportMissing("convert (ImageMagick)", convert) }

    private static func reportMissing(_ name: String, _ tool: URL?) -> Bool {
        if tool == nil { print("SKIPPED: \(name) is not installed; run `make test-deps` (TEST_DEBS)") }
        return tool != nil
    }

    /// Encodes `payload` as a QR PNG at `url` in 8-bit mode, so the bytes go in untouched.
    static func encodeQR(_ payload: [UInt8], to url: URL, moduleSize: Int = 6) async throws {
        guard let qrencode else { throw ToolError(description: "qrencode missing") }
        let outcome = try await runProcess(
            qrencode,
            ["-8", "-s", String(moduleSize), "-m", "4", "-o", url.path],
            stdin: Data(payload)
        )
        guard outcome.status == 0 else { throw ToolError(description: "qrencode failed: \(outcome.stderrText)") }
    }

    /// Encodes `payload` into `folder`, then lets ImageMagick apply `options` and write
    /// `output` (`name` or `FORMAT:name`, e.g. `PNG8:variant.png`); returns the written file.
    static func variant(
        of payload: String, in folder: URL, options: [String], output: String = "variant.png"
    ) async throws -> URL {
        let original = folder.appendingPathComponent("original.png")
        try await encodeQR(Array(payload.utf8), to: original)
        let parts = output.split(separator: ":", maxSplits: 1).map(String.init)
        let file = folder.appendingPathComponent(parts.last ?? output)
        let target = parts.count == 2 ? "\(parts[0]):\(file.path)" : file.path
        // `-seed` makes noise and plasma the same on every run.
        try await convert(["-seed", "7", original.path] + options + [target])
        return file
    }

    /// Runs `convert` with `arguments` (input and output paths included).
    static func convert(_ arguments: [String]) async throws {
        guard let convert else { throw ToolError(description: "convert missing") }
        let outcome = try await runProcess(convert, arguments)
        guard outcome.status == 0 else {
            throw ToolError(description: "convert \(arguments) failed: \(outcome.stderrText)")
        }
    }

    struct ToolError: Error, CustomStringConvertible {
        var description: String
    }
}
