import ArgumentParser
import CCCDIdentity
import Foundation

/// `cccdctl qr parse [PAYLOAD|-]`: parse one QR payload and print it as JSON.
///
/// For checking what a scanner delivers: pipe its bytes in (`-` or no argument reads stdin as
/// raw bytes, so BOMs, CR/LF suffixes and invalid UTF-8 are seen exactly as the daemon sees them).
/// Invalid input exits with status 65 (EX_DATAERR) and one line on stderr.
struct QRParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a CCCD or BHYT QR payload and print it as JSON.",
        discussion: """
            Reads PAYLOAD, or standard input when PAYLOAD is '-' or absent. Prints one JSON object \
            with "kind" "cccd" or "bhyt". Exits with status 65 and one line on stderr when the \
            payload is invalid.
            """
    )

    @Argument(help: "The QR payload text, or '-' to read raw bytes from standard input.")
    var payload: String?

    @Option(help: "Language of error messages: vi or en.")
    var lang: Language = .en

    func run() async throws {
        let bytes: [UInt8]
        if let payload, payload != "-" {
            bytes = Array(payload.utf8)
        } else {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        let scanned: ScannedQR
        do {
            scanned = try ScannedQR.parse(bytes: bytes)
        } catch {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(65)
        }
        print(try ScannedQRJSON(scanned).rendered(), terminator: "")
    }
}
