import Foundation
import Testing

/// The `openssl` command-line tool as an independent signer: keys and signatures the reader
/// verifies are made by a program that shares none of its code.
struct OpenSSLTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let path = "/usr/bin/openssl"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// A fresh directory for the keys of one test, removed by ``cleanUp()``.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: url(name))
    }

    func read(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    /// Runs `openssl arguments…` in the directory; throws with its standard error on failure.
    @discardableResult
    func run(_ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.joined(separator: " ")): \(errorText)")
        }
        return [UInt8](data)
    }

    /// Generates a key (`genpkey` options) and returns the public key as DER SubjectPublicKeyInfo.
    func generateKey(named name: String, _ options: [String]) throws -> [UInt8] {
        try run(["genpkey"] + options + ["-out", name])
        try run(["pkey", "-in", name, "-pubout", "-outform", "DER", "-out", name + ".spki"])
        return try read(name + ".spki")
    }

    /// The raw RSA private-key operation on a hand-built representative (no padding). OpenSSL 3.0's
    /// `pkeyutl -sign` refuses inputs longer than a digest, so the same operation (m^d mod n) runs
    /// as an unpadded `-decrypt`.
    func rsaRawSign(key: String, representative: [UInt8]) throws -> [UInt8] {
        let name = "representative-\(UUID().uuidString)"
        try write(representative, to: name)
        return try run(["pkeyutl", "-decrypt", "-inkey", key, "-pkeyopt", "rsa_padding_mode:none", "-in", name])
    }

    /// An ECDSA signature of H(message), DER-encoded as `openssl dgst -sign` makes it.
    func ecdsaSign(key: String, digest: String, message: [UInt8]) throws -> [UInt8] {
        let name = "message-\(UUID().uuidString)"
        try write(message, to: name)
        return try run(["dgst", "-\(digest)", "-sign", key, name])
    }
}
