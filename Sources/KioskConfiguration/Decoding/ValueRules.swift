import CCCDIdentity
import Foundation

/// Checks shared by several sections: paths, URLs, secrets, required blanks.
extension TableReader {
    func absolutePath(_ name: String, default value: String) -> String {
        guard let path = string(name) else { return value }
        guard path.hasPrefix("/") else {
            report(.invalidValue, name, .init(vi: "Phải là đường dẫn tuyệt đối (bắt đầu bằng /)",
                                              en: "Must be an absolute path (starting with /)"))
            return value
        }
        return path
    }

    /// An `http`/`https` URL with a host; plain `http` only to loopback when `httpsUnlessLoopback`.
    func url(_ name: String, httpsUnlessLoopback: Bool) -> URL? {
        guard let text = string(name) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            report(.invalidValue, name, .init(vi: "Phải là URL http(s) có tên máy chủ",
                                              en: "Must be an http(s) URL with a host"))
            return nil
        }
        if httpsUnlessLoopback, scheme == "http", !NetworkAddress.isLoopback(host) {
            report(.invalidValue, name, .init(
                vi: "Phải dùng https (http chỉ cho máy cục bộ, như trình giả lập)",
                en: "Must use https (http only for a loopback host, such as the simulator)"))
            return nil
        }
        return url
    }

    /// `<prefix>-credential` and `<prefix>-file`; the inline `<prefix>` itself is caught by ``finish()``.
    func secretReference(_ prefix: String, default value: SecretReference) -> SecretReference {
        var reference = value
        let credentialKey = prefix + "-credential"
        if let credential = string(credentialKey) {
            if Self.isCredentialName(credential) {
                reference.credential = credential
            } else {
                report(.invalidValue, credentialKey, .init(
                    vi: "Tên credential chỉ gồm A-Z a-z 0-9 . _ - và không bắt đầu bằng dấu chấm",
                    en: "A credential name has only A-Z a-z 0-9 . _ - and does not start with a dot"))
            }
        }
        if contains(prefix + "-file") {
            reference.file = absolutePath(prefix + "-file", default: "")
            if reference.file == "" { reference.file = nil }
        }
        return reference
    }

    static func isCredentialName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 255 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { TextCursor.isBareKeyScalar($0) || $0 == "." }
    }

    /// A production kiosk cannot work with this key blank.
    func require(_ name: String, _ value: String, purpose: DaemonConfiguration.Purpose, what: LocalizedText) {
        guard purpose == .production, value.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        report(.missing, name, .init(vi: "Cần điền \(what.vi)", en: "Fill in \(what.en)"))
    }

    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Reports the second and later occurrences of each element, at their own index.
    func reportDuplicates<Element: Hashable>(_ name: String, _ elements: [Element]) -> Bool {
        var seen: Set<Element> = []
        var found = false
        for (index, element) in elements.enumerated() where !seen.insert(element).inserted {
            found = true
            log.report(.invalidValue, at: key.appending(name).appending(index: index),
                       .init(vi: "Giá trị bị lặp lại", en: "Duplicate value"))
        }
        return found
    }
}
