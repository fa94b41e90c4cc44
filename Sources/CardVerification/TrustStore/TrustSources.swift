public import Foundation

/// Where trust comes from: files named on a command line and/or the directory an admin manages.
///
/// The directory layout (`/etc/cccdd/trust/` on a kiosk):
/// ```
/// csca/         *.pem *.der *.crt   CSCA certificates (roots and link certificates)
/// masterlists/  *.ml                ICAO CSCA master lists
/// crl/          *.crl *.pem         CRLs published by CSCAs (optional)
/// ```
/// Nothing in it is required: an empty or missing directory means no trusted CSCA, and Passive
/// Authentication then ends `validUnchained` — the expected state until an operator loads
/// Vietnam's CSCA. No master list (in particular no foreign one) is ever needed.
public struct TrustSources: Sendable, Hashable {
    public static let defaultDirectory = URL(fileURLWithPath: "/etc/cccdd/trust", isDirectory: true)

    public var directory: URL?
    public var cscaFiles: [URL]
    public var masterListFiles: [URL]
    public var crlFiles: [URL]

    public init(directory: URL? = nil, cscaFiles: [URL] = [], masterListFiles: [URL] = [], crlFiles: [URL] = []) {
        self.directory = directory
        self.cscaFiles = cscaFiles
        self.masterListFiles = masterListFiles
        self.crlFiles = crlFiles
    }

    /// File extensions each subdirectory accepts (lower-cased before comparison).
    static let cscaExtensions: Set<String> = ["pem", "der", "crt", "cer"]
    static let masterListExtensions: Set<String> = ["ml"]
    static let crlExtensions: Set<String> = ["crl", "pem"]

    /// Every file named on the command line plus the directory's files, per kind, in a stable order.
    func resolved() -> (csca: [URL], masterLists: [URL], crls: [URL], missingDirectory: Bool) {
        guard let directory else { return (cscaFiles, masterListFiles, crlFiles, false) }
        let missing = !FileManager.default.fileExists(atPath: directory.path)
        func files(_ folder: String, _ extensions: Set<String>) -> [URL] {
            let url = directory.appendingPathComponent(folder, isDirectory: true)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.sorted()
                .filter { !$0.hasPrefix(".") && extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .map { url.appendingPathComponent($0) }
        }
        return (cscaFiles + files("csca", Self.cscaExtensions),
                masterListFiles + files("masterlists", Self.masterListExtensions),
                crlFiles + files("crl", Self.crlExtensions), missing)
    }
}
