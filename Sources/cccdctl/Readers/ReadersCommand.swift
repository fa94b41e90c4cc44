import ArgumentParser
import CCCDIdentity
import Foundation
import SmartCardReader

/// `cccdctl readers [--json]`: the PC/SC readers, whether a card is in each, its ATR, and the
/// APDU sizes the reader carries (with how that was determined).
///
/// Exits with status 69 (EX_UNAVAILABLE) and one line on stderr when pcscd is not running.
/// With `--watch` it instead prints reader and card events, one per line, until interrupted.
struct ReadersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readers",
        abstract: "List smart card readers, card presence, ATR and APDU capabilities.",
        discussion: """
            Capabilities come from the driver's SCARD_ATTR_MAXINPUT when it answers, from a table \
            of known reader models, or are assumed short-APDU only ("basis" says which).
            """
    )

    @Flag(help: "Print JSON instead of text (with --watch: one JSON object per line).")
    var json = false

    @Flag(help: "Keep running and print reader and card events as they happen.")
    var watch = false

    @Option(help: "Language of error messages: vi or en.")
    var lang: Language = .en

    func run() async throws {
        if watch {
            for await event in PCSCService().events() {
                let line = json ? ReaderEventLine(event).json : ReaderEventLine(event).text
                // Unbuffered: a pipe reader (kiosk script, test) needs each line as it happens.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
            return
        }
        let service = PCSCService(configuration: .init(recoveryBackoff: [.milliseconds(100), .milliseconds(300)]))
        var entries: [ReaderJSON] = []
        do {
            for reader in try await service.readers() {
                let capabilities = (try? await service.capabilities(of: reader.name))
                    ?? ReaderCapabilities.detect(readerName: reader.name, ifdType: nil, maxInput: nil)
                entries.append(ReaderJSON(reader, capabilities))
            }
        } catch let error as SmartCardError {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(69)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(["readers": entries]), as: UTF8.self))
        } else if entries.isEmpty {
            print("No readers.")
        } else {
            entries.forEach { print($0.line) }
        }
    }
}

/// One reader in `--json` output; the ATR as uppercase hex, `null` without a card.
private struct ReaderJSON: Encodable {
    let name: String
    let cardPresent: Bool
    let atr: Nullable<String>
    let cardDeclaresExtendedLength: Nullable<Bool>
    let capabilities: CapabilitiesJSON

    init(_ reader: ReaderStatus, _ capabilities: ReaderCapabilities) {
        name = reader.name
        cardPresent = reader.cardPresent
        atr = Nullable(reader.cardPresent ? reader.atr.map { String(format: "%02X", $0) }.joined() : nil)
        cardDeclaresExtendedLength = Nullable(
            reader.cardPresent ? AnswerToReset(reader.atr).declaresExtendedLength : nil
        )
        self.capabilities = CapabilitiesJSON(capabilities)
    }

    var line: String {
        let card = cardPresent ? "card \(atr.value ?? "")" : "no card"
        let extended = capabilities.supportsExtendedLength ? "extended" : "short"
        return "\(name): \(card); \(extended) APDUs, command ≤ \(capabilities.maxCommandLength) B, "
            + "response ≤ \(capabilities.maxResponseLength) B (\(capabilities.basis))"
    }
}

private struct CapabilitiesJSON: Encodable {
    let supportsExtendedLength: Bool
    let maxCommandLength: Int
    let maxResponseLength: Int
    let basis: String

    init(_ capabilities: ReaderCapabilities) {
        supportsExtendedLength = capabilities.supportsExtendedLength
        maxCommandLength = capabilities.maxCommandLength
        maxResponseLength = capabilities.maxResponseLength
        basis = capabilities.basis.name
    }
}
