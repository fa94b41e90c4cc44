import ArgumentParser
import CCCDIdentity
import Foundation
import ScannerInput

/// `cccdctl scanners [list]`: what is plugged in, in which mode, and whether the daemon can use it.
struct ListScannersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List attached QR scanners (the default)."
    )

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Also list serial ports and keyboards of vendors not known to make scanners.")
    var all = false

    @Option(name: .customLong("as-user"), help: "Judge device permissions for this user (the daemon's service user).")
    var asUser: String?

    @Option(name: .customLong("lang"), help: "Language of messages: vi or en.")
    var messageLanguage: MessageLanguage = .en

    private var language: Language { messageLanguage.language }

    @Option(name: .customLong("sysfs-root"), help: .hidden)
    var sysfsRoot = "/sys"

    @Option(name: .customLong("dev-root"), help: .hidden)
    var deviceRoot = "/dev"

    func run() async throws {
        var identity = AccessIdentity.current
        if let asUser {
            guard let user = AccessIdentity.user(named: asUser) else {
                throw ValidationError("No user named '\(asUser)'.")
            }
            identity = user
        }
        let scanners: [DiscoveredScanner]
        do {
            scanners = try ScannerDiscovery(sysfsRoot: sysfsRoot, deviceRoot: deviceRoot, identity: identity)
                .discover(includeUnrecognised: all)
        } catch {
            ScannersStandardError.write(error.operatorText(in: language))
            throw ExitCode(2)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(ScannerList(scanners: scanners)), as: UTF8.self))
        } else {
            print(ScannerTable(scanners: scanners, language: language).text, terminator: "")
        }
    }
}

/// The JSON document: an object, so fields can be added without breaking readers.
struct ScannerList: Encodable {
    var scanners: [DiscoveredScanner]
}

extension ListScannersCommand {
    /// `--lang` values (nested: a conformance of `Language` itself would belong to every command).
    enum MessageLanguage: String, ExpressibleByArgument, CaseIterable {
        case vi, en

        var language: Language { self == .vi ? .vi : .en }
    }
}

/// Diagnostics of the `scanners` commands go to stderr, one line each.
enum ScannersStandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
