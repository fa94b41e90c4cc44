public import Foundation

/// The sample cards with their test keys, photos and EF.SODs, made by `scripts/make-vcard-keys.sh`
/// (openssl and ImageMagick as independent producers, `cccd-vcard sign-sod` for the signing) in a
/// temporary folder. Test material only: made per test, deleted with its folder; the demo makes
/// the same material once under `.build/vcard`.
public struct VirtualCardMaterial: Sendable {
    public let folder: URL

    public static let repository = BuiltProducts.repository

    public static var toolsAvailable: Bool {
        let missing = ["openssl", "convert"].filter { which($0) == nil }
        if !missing.isEmpty { print("SKIPPED: \(missing.joined(separator: ", ")) not installed; run `make test-deps` (TEST_DEBS)") }
        return missing.isEmpty
    }

    /// Runs the script into `folder`.
    public static func make(in folder: URL) async throws -> VirtualCardMaterial {
        let outcome = try await runProcess(
            repository.appendingPathComponent("scripts/make-vcard-keys.sh"), [folder.path],
            environment: ["CCCD_VCARD": BuiltProducts.executable("cccd-vcard").path]
        )
        guard outcome.status == 0 else {
            throw ChildProcessError(description: "make-vcard-keys.sh failed: \(outcome.stderrText)")
        }
        return VirtualCardMaterial(folder: folder)
    }

    /// `nguyen-thi-mau` → the card's profile.
    public func profile(_ name: String) -> URL {
        folder.appendingPathComponent(name).appendingPathComponent("\(name).json")
    }

    public func cardFolder(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }

    /// The document signer chain's root for `family` (`brainpool`, `rsa`).
    public func csca(_ family: String) -> URL {
        folder.appendingPathComponent("pki/csca-\(family).pem")
    }

    /// A copy of sample `name`'s profile with its own EF.SOD, signed by `cccd-vcard sign-sod`
    /// (openssl cms) with another document signer (`signer`, `key`: PEM files).
    public func resigned(_ name: String, suffix: String, signer: URL, key: URL) async throws -> URL {
        let data = try Data(contentsOf: profile(name))
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ChildProcessError(description: "\(name) is not a JSON object")
        }
        object["securityObject"] = "EF.SOD-\(suffix).bin"
        let url = cardFolder(name).appendingPathComponent("\(name)-\(suffix).json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let outcome = try await runProcess(BuiltProducts.executable("cccd-vcard"),
                                           ["sign-sod", "--profile", url.path, "--signer", signer.path, "--key", key.path])
        guard outcome.status == 0 else { throw ChildProcessError(description: "sign-sod failed: \(outcome.stderrText)") }
        return url
    }

    /// A copy of sample `name`'s profile beside it (same keys, photo and EF.SOD) with `options`
    /// merged into its options and `holder` into its holder. A holder change alters the data
    /// groups, so EF.SOD no longer matches them.
    public func variant(of name: String, suffix: String, options: [String: Any], holder: [String: Any] = [:]) throws -> URL {
        let data = try Data(contentsOf: profile(name))
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ChildProcessError(description: "\(name) is not a JSON object")
        }
        var merged = object["options"] as? [String: Any] ?? [:]
        merged.merge(options) { $1 }
        object["options"] = merged
        var person = object["holder"] as? [String: Any] ?? [:]
        person.merge(holder) { $1 }
        object["holder"] = person
        let url = cardFolder(name).appendingPathComponent("\(name)-\(suffix).json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return url
    }
}
