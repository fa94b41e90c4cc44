public import Foundation
import CCCDIdentity
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fetches secrets the configuration refers to: first from systemd's credentials directory
/// (`LoadCredential=` puts them in `$CREDENTIALS_DIRECTORY/<name>`, private to the service), else
/// from the configured file.
///
/// A file must be a regular file with no permission bits for group or others, owned by root or
/// by the user the daemon runs as. (Running as root, only root-owned files are accepted; a
/// non-root daemon — the dedicated service user, or a test — may own its secret files.)
/// One trailing newline is removed: `echo secret > file` is how most secrets get written.
public struct SecretSource: Sendable {
    private let credentialsDirectory: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        credentialsDirectory = environment["CREDENTIALS_DIRECTORY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Larger than any password or key; a bigger "secret" is a wrong path.
    static let maximumSize = 64 * 1024

    public func resolve(_ reference: SecretReference) throws(ConfigurationProblem) -> SecretValue {
        try resolve(credential: reference.credential, file: reference.file, key: reference.key)
    }

    /// `key` names the secret in problems (`gateway.bhxh.password`); the secret itself never appears.
    public func resolve(credential: String?, file: String?, key: String) throws(ConfigurationProblem) -> SecretValue {
        if let credential, let credentialsDirectory {
            let path = credentialsDirectory + "/" + credential
            if FileManager.default.fileExists(atPath: path) {
                return try read(path, key: key + "-credential", checkingOwnership: false)
            }
        }
        if let file {
            return try read(file, key: key + "-file", checkingOwnership: true)
        }
        let names = [credential.map { "credential \"\($0)\"" }, file].compactMap(\.self).joined(separator: ", ")
        throw ConfigurationProblem(.secretUnavailable, key: key, message: .init(
            vi: "Không tìm thấy bí mật (cần systemd credential hoặc tệp *-file)",
            en: "The secret is not available (needs a systemd credential or a *-file)"),
            diagnostic: names.isEmpty ? nil : names)
    }

    /// systemd makes credential files private to the service, so only files the administrator
    /// manages by hand get the ownership and mode checks.
    private func read(_ path: String, key: String, checkingOwnership: Bool) throws(ConfigurationProblem) -> SecretValue {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unavailable(key, path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw unavailable(key, path) }
        if checkingOwnership {
            guard status.st_mode & 0o077 == 0 else {
                throw exposed(key, path, .init(vi: "Tệp bí mật không được cho nhóm hoặc người khác truy cập (chmod 600)",
                                               en: "The secret file must not be accessible to group or others (chmod 600)"))
            }
            guard status.st_uid == 0 || status.st_uid == geteuid() else {
                throw exposed(key, path, .init(vi: "Tệp bí mật phải thuộc root hoặc người dùng chạy dịch vụ",
                                               en: "The secret file must belong to root or to the service's user"))
            }
        }
        guard Int(status.st_size) <= Self.maximumSize, let data = try? FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
            .readToEnd() ?? Data() else { throw unavailable(key, path) }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") || text.hasSuffix("\r\n") { text.removeLast() }
        guard !text.isEmpty else {
            throw ConfigurationProblem(.secretUnavailable, key: key, message: .init(
                vi: "Tệp bí mật rỗng", en: "The secret file is empty"), diagnostic: path)
        }
        return SecretValue(text)
    }

    private func unavailable(_ key: String, _ path: String) -> ConfigurationProblem {
        ConfigurationProblem(.secretUnavailable, key: key, message: .init(
            vi: "Không đọc được tệp bí mật", en: "The secret file cannot be read"), diagnostic: path)
    }

    private func exposed(_ key: String, _ path: String, _ message: LocalizedText) -> ConfigurationProblem {
        ConfigurationProblem(.secretExposed, key: key, message: message, diagnostic: path)
    }
}
