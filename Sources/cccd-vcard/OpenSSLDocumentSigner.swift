import Foundation

/// A test document signer run by the `openssl` command-line tool: `openssl cms -sign` over the
/// LDSSecurityObject with eContentType id-icao-mrtd-security-ldsSecurityObject (2.23.136.1.1.1),
/// the content encapsulated (`-nodetach`) and taken as bytes (`-binary`), DER out.
struct OpenSSLDocumentSigner {
    let certificate: String
    let key: String
    /// openssl's digest name (`sha256`).
    let digest: String

    /// The CMS ContentInfo (DER) signing `content`.
    func sign(_ content: [UInt8]) async throws -> [UInt8] {
        guard let openssl = Self.executable else {
            throw VirtualCardToolError(.signingFailed, diagnostic: "the openssl command-line tool is not installed (Debian package openssl)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-vcard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("lso.der"), output = scratch.appendingPathComponent("sod.der")
        try Data(content).write(to: input)

        let process = Process()
        process.executableURL = openssl
        process.arguments = [
            "cms", "-sign", "-nodetach", "-binary", "-in", input.path, "-signer", certificate, "-inkey", key,
            "-md", digest, "-econtent_type", "2.23.136.1.1.1", "-outform", "DER", "-out", output.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let signed = FileManager.default.contents(atPath: output.path) else {
            throw VirtualCardToolError(.signingFailed, diagnostic: complaint.split(separator: "\n").first.map(String.init))
        }
        return [UInt8](signed)
    }

    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("openssl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
