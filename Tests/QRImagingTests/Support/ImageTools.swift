import CCCDTestSupport
import Foundation

/// The independent tools tests make real images with: Debian's `qrencode` (libqrencode, an
/// encoder that shares no code with zbar) and ImageMagick's `convert`. `make test` installs
/// both (TEST_DEBS); tests that need one are skipped, loudly, when it is missing.
enum ImageTools {
    static let convert = which("convert")

    static var haveQREncode: Bool { QREncode.isAvailable }
    static var haveBoth: Bool {
        guard QREncode.isAvailable else { return false }
        if convert == nil { print("SKIPPED: convert (ImageMagick) is not installed; run `make test-deps` (TEST_DEBS)") }
        return convert != nil
    }

    /// Encodes `payload` as a QR PNG at `url` in 8-bit mode, so the bytes go in untouched.
    static func encodeQR(_ payload: [UInt8], to url: URL, moduleSize: Int = 6) async throws {
        try await QREncode.encode(payload, to: url, moduleSize: moduleSize)
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
