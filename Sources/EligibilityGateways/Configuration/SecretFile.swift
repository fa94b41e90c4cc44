import Foundation

/// Reads a credential from its own file, refusing files other users can read: secrets must be
/// root-only at rest (spec §6), and a world-readable password file is a misconfiguration to fix
/// now, not to discover in an audit.
enum SecretFile {
    static func read(_ path: String) throws(GatewayConfigurationError) -> Secret {
        let attributes: [FileAttributeKey: Any]
        let data: Data
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw GatewayConfigurationError(.secretUnreadable, diagnostic: path)
        }
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard permissions & 0o004 == 0 else { throw GatewayConfigurationError(.secretExposed, diagnostic: path) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard !text.isEmpty else { throw GatewayConfigurationError(.secretUnreadable, diagnostic: path) }
        return Secret(text)
    }
}
