public import Foundation

/// A throw-away ICAO PKI made with the `openssl` command-line tool: CSCAs, document signers and
/// SODs signed with `openssl cms`, as an independent producer for Passive Authentication tests
/// and benchmarks. Each CSCA keeps an `openssl ca` database so tests can issue signers with
/// dates in the past, revoke them and publish CRLs.
public enum OpenSSLCommandLine {
    public static let executable = which("openssl")

    /// Checked once, so the SKIPPED line prints once per run.
    public static let isAvailable: Bool = {
        if executable == nil { print("SKIPPED: openssl command-line tool not installed (Debian package openssl)") }
        return executable != nil
    }()

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs openssl in `directory`; throws with its stderr on a non-zero exit.
    @discardableResult
    public static func run(_ arguments: [String], in directory: URL) async throws -> ProcessOutcome {
        guard let executable else { throw Failure(description: "openssl not installed") }
        let outcome = try await runProcess(executable, arguments, environment: ["HOME": directory.path])
        guard outcome.status == 0 else {
            throw Failure(description: "openssl \(arguments.prefix(2).joined(separator: " ")) failed: \(outcome.stderrText)")
        }
        return outcome
    }
}

/// The key of a test certificate.
public enum TestKeyAlgorithm: Sendable, CustomStringConvertible {
    /// An EC key on `curve` (OpenSSL name), with the curve written as explicit parameters when
    /// `explicitParameters` (as German document signers do).
    case ec(String, explicitParameters: Bool = false)
    case rsa(bits: Int)

    var genpkeyArguments: [String] {
        switch self {
        case .ec(let curve, let explicit):
            ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:\(curve)",
             "-pkeyopt", "ec_param_enc:\(explicit ? "explicit" : "named_curve")"]
        case .rsa(let bits):
            ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:\(bits)"]
        }
    }

    public var description: String {
        switch self {
        case .ec(let curve, let explicit): explicit ? "\(curve) (explicit)" : curve
        case .rsa(let bits): "RSA-\(bits)"
        }
    }
}

/// A certificate and its private key as PEM files.
public struct TestKeyPair: Sendable {
    public let certificate: URL
    public let key: URL

    public func certificatePEM() throws -> [UInt8] { try readBytes(certificate) }
}

/// A test CSCA with its own `openssl ca` database in `directory`.
public struct TestCSCA: Sendable {
    public let directory: URL
    public let files: TestKeyPair
    public let subject: String

    /// A self-signed CSCA (basicConstraints CA, keyCertSign and cRLSign). `subjectKeyIdentifier`
    /// (colon-separated hex) copies another CSCA's key identifier, to make an impostor.
    public static func create(in parent: URL, name: String, subject: String, key: TestKeyAlgorithm,
                              subjectKeyIdentifier: String? = nil) async throws -> TestCSCA {
        let directory = parent.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("newcerts"), withIntermediateDirectories: true)
        try writeText("", to: directory.appendingPathComponent("index.txt"))
        try writeText("1000\n", to: directory.appendingPathComponent("serial"))
        try writeText("01\n", to: directory.appendingPathComponent("crlnumber"))
        try writeText(configuration(directory, subjectKeyIdentifier: subjectKeyIdentifier), to: directory.appendingPathComponent("ca.cnf"))
        let files = TestKeyPair(certificate: directory.appendingPathComponent("csca.pem"), key: directory.appendingPathComponent("csca.key"))
        try await OpenSSLCommandLine.run(["genpkey"] + key.genpkeyArguments + ["-out", files.key.path], in: directory)
        try await OpenSSLCommandLine.run(["req", "-x509", "-new", "-key", files.key.path, "-config", path(directory, "ca.cnf"),
                                          "-extensions", "csca", "-subj", subject, "-days", "3650", "-out", files.certificate.path],
                                         in: directory)
        return TestCSCA(directory: directory, files: files, subject: subject)
    }

    /// Issues a document signer. `extensions` is a section of the CA's configuration: `ds`
    /// (keyUsage digitalSignature, the ICAO profile) or `ds_no_signature` (keyUsage without it).
    /// Dates are `YYMMDDHHMMSSZ`; by default the signer is valid from now for a year.
    public func issueDocumentSigner(name: String, subject: String, key: TestKeyAlgorithm, extensions: String = "ds",
                                    startDate: String? = nil, endDate: String? = nil) async throws -> TestKeyPair {
        let files = TestKeyPair(certificate: directory.appendingPathComponent("\(name).pem"), key: directory.appendingPathComponent("\(name).key"))
        let request = path(directory, "\(name).csr")
        try await OpenSSLCommandLine.run(["genpkey"] + key.genpkeyArguments + ["-out", files.key.path], in: directory)
        try await OpenSSLCommandLine.run(["req", "-new", "-key", files.key.path, "-config", path(directory, "ca.cnf"),
                                          "-subj", subject, "-out", request], in: directory)
        let dates = (startDate.map { ["-startdate", $0] } ?? []) + (endDate.map { ["-enddate", $0] } ?? ["-days", "365"])
        try await OpenSSLCommandLine.run(["ca", "-batch", "-notext", "-config", path(directory, "ca.cnf"), "-extensions", extensions,
                                          "-in", request, "-out", files.certificate.path] + dates, in: directory)
        return files
    }

    /// A link certificate (Doc 9303-12 §5.5.2): `successor`'s name and key, signed by this CSCA,
    /// as issued at a CSCA key rollover.
    public func issueLinkCertificate(to successor: TestCSCA, name: String = "link") async throws -> URL {
        let url = directory.appendingPathComponent("\(name).pem")
        let request = path(directory, "\(name).csr")
        try await OpenSSLCommandLine.run(["req", "-new", "-key", successor.files.key.path, "-config", path(directory, "ca.cnf"),
                                          "-subj", successor.subject, "-out", request], in: directory)
        try await OpenSSLCommandLine.run(["ca", "-batch", "-notext", "-config", path(directory, "ca.cnf"), "-extensions", "link",
                                          "-in", request, "-out", url.path, "-days", "3650"], in: directory)
        return url
    }

    /// Marks `signer` revoked in the database.
    public func revoke(_ signer: TestKeyPair) async throws {
        try await OpenSSLCommandLine.run(["ca", "-config", path(directory, "ca.cnf"), "-revoke", signer.certificate.path,
                                          "-crl_reason", "keyCompromise"], in: directory)
    }

    /// Publishes a CRL (PEM) of the revocations so far.
    public func publishCRL(name: String = "csca.crl.pem") async throws -> URL {
        let url = directory.appendingPathComponent(name)
        try await OpenSSLCommandLine.run(["ca", "-gencrl", "-config", path(directory, "ca.cnf"), "-out", url.path], in: directory)
        return url
    }

    /// The CSCA's subjectKeyIdentifier as `AB:CD:…`.
    public func subjectKeyIdentifier() async throws -> String {
        let output = try await OpenSSLCommandLine.run(["x509", "-in", files.certificate.path, "-noout", "-ext", "subjectKeyIdentifier"],
                                                      in: directory).stdoutText
        return output.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    private static func configuration(_ directory: URL, subjectKeyIdentifier: String?) -> String {
        """
        [ca]
        default_ca = test_ca
        [test_ca]
        dir = \(directory.path)
        database = $dir/index.txt
        new_certs_dir = $dir/newcerts
        serial = $dir/serial
        crlnumber = $dir/crlnumber
        certificate = $dir/csca.pem
        private_key = $dir/csca.key
        default_md = sha256
        default_crl_days = 30
        policy = any_name
        preserve = yes
        unique_subject = no
        copy_extensions = none
        [any_name]
        countryName = optional
        organizationName = optional
        commonName = supplied
        [req]
        distinguished_name = dn
        [dn]
        [csca]
        basicConstraints = critical, CA:TRUE, pathlen:0
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = \(subjectKeyIdentifier ?? "hash")
        [link]
        basicConstraints = critical, CA:TRUE, pathlen:0
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        [ds]
        keyUsage = critical, digitalSignature
        authorityKeyIdentifier = keyid
        subjectKeyIdentifier = hash
        [ds_no_signature]
        keyUsage = critical, keyEncipherment
        authorityKeyIdentifier = keyid
        subjectKeyIdentifier = hash

        """
    }
}

/// How `openssl cms -sign` signs an SOD.
public enum TestSignatureScheme: Sendable, CustomStringConvertible {
    /// ECDSA, or RSA PKCS#1 v1.5, per the signer's key.
    case keyDefault
    /// RSASSA-PSS with this salt length.
    case rsaPSS(saltLength: Int)

    var arguments: [String] {
        switch self {
        case .keyDefault: []
        case .rsaPSS(let salt): ["-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:\(salt)"]
        }
    }

    public var description: String {
        switch self {
        case .keyDefault: "default"
        case .rsaPSS(let salt): "PSS salt \(salt)"
        }
    }
}

/// Signs `content` (an LDS security object) with `openssl cms` the way issuing states do: DER,
/// content embedded, eContentType id-ldsSecurityObject, signer certificate inside. Returns the
/// CMS ContentInfo (without EF.SOD's `77` wrapper). The signer is named by issuer and serial
/// number, or by subjectKeyIdentifier (`-keyid`) when `identifySignerByKeyIdentifier`;
/// `withoutSignedAttributes` (`-noattr`) signs the content directly, which ICAO does not allow.
public func signWithOpenSSLCMS(_ content: [UInt8], signer: TestKeyPair, digest: String = "sha256",
                               scheme: TestSignatureScheme = .keyDefault, contentType: String = "2.23.136.1.1.1",
                               identifySignerByKeyIdentifier: Bool = false, withoutSignedAttributes: Bool = false,
                               in directory: URL) async throws -> [UInt8] {
    let name = UUID().uuidString
    let input = directory.appendingPathComponent("\(name).content")
    let output = directory.appendingPathComponent("\(name).cms")
    guard FileManager.default.createFile(atPath: input.path, contents: Data(content)) else {
        throw OpenSSLCommandLine.Failure(description: "cannot write \(input.path)")
    }
    try await OpenSSLCommandLine.run(["cms", "-sign", "-binary", "-nodetach", "-nosmimecap", "-outform", "DER",
                                      "-econtent_type", contentType, "-md", digest, "-in", input.path,
                                      "-signer", signer.certificate.path, "-inkey", signer.key.path, "-out", output.path]
                                     + scheme.arguments + (identifySignerByKeyIdentifier ? ["-keyid"] : [])
                                     + (withoutSignedAttributes ? ["-noattr"] : []), in: directory)
    return try readBytes(output)
}

private func path(_ directory: URL, _ name: String) -> String { directory.appendingPathComponent(name).path }

private func writeText(_ text: String, to url: URL) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) else {
        throw OpenSSLCommandLine.Failure(description: "cannot write \(url.path)")
    }
}

func readBytes(_ url: URL) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
        throw OpenSSLCommandLine.Failure(description: "missing \(url.lastPathComponent)")
    }
    return [UInt8](data)
}
