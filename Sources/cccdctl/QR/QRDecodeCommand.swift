import ArgumentParser
import CCCDIdentity
import Foundation
import QRImaging

/// `cccdctl qr decode FILE…`: find the QR codes in photos or scans of cards and print each one
/// exactly as `qr parse` would.
///
/// Images go through libzbar in binary mode, then through the same identity parser the daemon uses
/// for hardware scans, so a photo taken at the desk answers "would this card have been accepted?".
/// Every file is tried; the exit status reports the worst outcome (66 when an image could not be
/// read or holds no QR code, else 65 when a code is not a valid card QR).
struct QRDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode the QR codes in images (PNG, JPEG, PGM/PPM) and print each as JSON.",
        discussion: """
            Prints one JSON object per decoded QR code, in file order, in the format of \
            'cccdctl qr parse'. Problems are one line each on stderr, prefixed with the file name. \
            Exits 66 when a file cannot be read or holds no QR code, 65 when a QR code is not a \
            valid card QR, 0 otherwise.
            """
    )

    @Argument(help: "Image files to decode.")
    var files: [String]

    @Option(help: "Language of error messages: vi or en.")
    var lang: Language = .en

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one image file.") }
    }

    func run() async throws {
        let decoder: QRSymbolDecoder
        do {
            decoder = try QRSymbolDecoder()
        } catch {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(70)
        }
        var worst: Int32 = 0
        for file in files {
            let symbols: [QRSymbol]
            do {
                symbols = try decoder.decode(contentsOf: URL(fileURLWithPath: file))
            } catch {
                StandardError.writeLine("\(file): \(error.operatorText(in: lang)) [\(error.code)]")
                worst = 66
                continue
            }
            for symbol in symbols {
                do {
                    print(try ScannedQRJSON(ScannedQR.parse(bytes: symbol.bytes)).rendered(), terminator: "")
                } catch let error as QRPayloadError {
                    StandardError.writeLine("\(file): \(error.operatorText(in: lang)) [\(error.code)]")
                    if worst == 0 { worst = 65 }
                }
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
