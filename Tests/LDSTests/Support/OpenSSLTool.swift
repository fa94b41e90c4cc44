import CCCDTestSupport
import Foundation

/// The `openssl` command-line tool: an independent producer of keys and CMS signatures, and an
/// independent ASN.1 parser, to check this module's builders and parsers against.
enum OpenSSLTool {
    static var isAvailable: Bool { OpenSSLCommandLine.isAvailable }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs openssl in `directory`; throws with its stderr on a non-zero exit.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL) async throws -> ProcessOutcome {
        try await OpenSSLCommandLine.run(arguments, in: directory)
    }

    /// A fresh key pair written as `name.key` (PEM) and `name.spki.der` (SubjectPublicKeyInfo DER);
    /// returns the SPKI bytes. `algorithm` is `EC:<curve>` or `RSA:<bits>`.
    static func keyPair(_ algorithm: String, name: String, in directory: URL) async throws -> [UInt8] {
        let key = directory.appendingPathComponent("\(name).key").path
        let spki = directory.appendingPathComponent("\(name).spki.der")
        let parts = algorithm.split(separator: ":").map(String.init)
        let options = parts[0] == "EC" ? ["-pkeyopt", "ec_paramgen_curve:\(parts[1])"] : ["-pkeyopt", "rsa_keygen_bits:\(parts[1])"]
        try await run(["genpkey", "-algorithm", parts[0]] + options + ["-out", key], in: directory)
        try await run(["pkey", "-in", key, "-pubout", "-outform", "DER", "-out", spki.path], in: directory)
        return try bytes(spki)
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Failure(description: "missing \(url.lastPathComponent)") }
        return [UInt8](data)
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            throw Failure(description: "cannot write \(url.lastPathComponent)")
        }
    }
}
