import CCCDTestSupport
import Foundation
import KioskConfiguration
import Testing

@Suite("Secrets from systemd credentials and owner-only files")
struct SecretSourceTests {
    private func write(_ text: String, to url: URL, mode: Int) throws {
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    @Test("A credential in $CREDENTIALS_DIRECTORY wins over the file, and prints as <redacted>")
    func credentialsDirectory() async throws {
        try await withTemporaryDirectory { directory in
            try write("from-credential\n", to: directory.appendingPathComponent("bhxh-password"), mode: 0o400)
            let file = directory.appendingPathComponent("file-secret")
            try write("from-file", to: file, mode: 0o600)
            let source = SecretSource(environment: ["CREDENTIALS_DIRECTORY": directory.path])
            let secret = try source.resolve(credential: "bhxh-password", file: file.path, key: "gateway.bhxh.password")
            #expect(secret.exposedValue == "from-credential")
            #expect("\(secret)" == "<redacted>" && String(reflecting: secret) == "<redacted>")
            var dumped = ""
            dump(secret, to: &dumped)
            #expect(!dumped.contains("from-credential"))
            // Credential named but not present: the file is used.
            let fallback = try source.resolve(credential: "site-key", file: file.path, key: "ledger.site-key")
            #expect(fallback.exposedValue == "from-file")
        }
    }

    @Test("A file readable by group or others is refused; 0600 and 0400 are accepted", arguments: [
        (0o644, false), (0o640, false), (0o604, false), (0o660, false), (0o600, true), (0o400, true),
    ])
    func fileMode(mode: Int, accepted: Bool) async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("bhxh-password")
            try write("s3cret-value\r\n", to: file, mode: mode)
            let source = SecretSource(environment: [:])
            let reference = SecretReference(credential: "bhxh-password", file: file.path, key: "gateway.bhxh.password")
            do throws(ConfigurationProblem) {
                let secret = try source.resolve(reference)
                #expect(accepted && secret.exposedValue == "s3cret-value")
            } catch {
                #expect(!accepted)
                #expect(error.code == "config.secretExposed" && error.key == "gateway.bhxh.password-file")
                #expect(!error.message.en.contains("s3cret") && error.message.en.contains("600"))
            }
        }
    }

    @Test("No credential and no file, an empty file, a directory: secretUnavailable")
    func unavailable() async throws {
        try await withTemporaryDirectory { directory in
            let empty = directory.appendingPathComponent("empty")
            try write("\n", to: empty, mode: 0o600)
            let source = SecretSource(environment: ["CREDENTIALS_DIRECTORY": directory.path])
            for file in [nil, empty.path, directory.path, directory.appendingPathComponent("absent").path] {
                #expect(throws: ConfigurationProblem.self) {
                    try source.resolve(credential: "bhxh-password", file: file, key: "k")
                }
                do throws(ConfigurationProblem) { _ = try source.resolve(credential: "bhxh-password", file: file, key: "k") } catch {
                    #expect(error.code == "config.secretUnavailable")
                }
            }
        }
    }

    @Test("A configuration lists the secrets its chain needs and what cannot be fetched")
    func configurationSecrets() async throws {
        try await withTemporaryDirectory { directory in
            try write("site-key-bytes", to: directory.appendingPathComponent("site-key"), mode: 0o400)
            let source = SecretSource(environment: ["CREDENTIALS_DIRECTORY": directory.path])
            let configuration = try DaemonConfiguration.parse(Fixtures.productionText, purpose: .production)
            #expect(configuration.neededSecrets.map(\.key) == ["gateway.bhxh.password", "ledger.site-key"])
            let problems = configuration.secretProblems(using: source)
            #expect(problems.map(\.key) == ["gateway.bhxh.password"])
            #expect(problems.map(\.code) == ["config.secretUnavailable"])
            var offline = configuration
            offline.gateway.chain = [.offline]
            #expect(offline.secretProblems(using: source).isEmpty)
        }
    }

    @Test("Configured *-file and *-credential keys reach the reference")
    func referencesFromFile() throws {
        let text = "[ledger]\nsite-key-credential = \"kiosk.site-key\"\nsite-key-file = \"/etc/cccdd/secrets/site-key\"\n"
        let configuration = try DaemonConfiguration.parse(text, purpose: .demo)
        #expect(configuration.ledger.siteKey == SecretReference(
            credential: "kiosk.site-key", file: "/etc/cccdd/secrets/site-key", key: "ledger.site-key"))
    }
}
