public import ICAOCrypto
public import Foundation

/// A profile with its files read and its keys loaded: everything the engine needs, in memory.
/// Holds personal data, a face image and private keys, so it never prints itself.
public struct VirtualChipConfiguration: Sendable, SecretBearing {
    public var holder: ChipHolder
    public var photo: [UInt8]?
    public var activeAuthenticationKey: SigningKey?
    public var chipAuthenticationKey: SigningKey?
    public var securityObject: [UInt8]?
    public var options: ChipOptions

    public init(
        holder: ChipHolder, photo: [UInt8]? = nil, activeAuthenticationKey: SigningKey? = nil,
        chipAuthenticationKey: SigningKey? = nil, securityObject: [UInt8]? = nil, options: ChipOptions = ChipOptions()
    ) {
        self.holder = holder
        self.photo = photo
        self.activeAuthenticationKey = activeAuthenticationKey
        self.chipAuthenticationKey = chipAuthenticationKey
        self.securityObject = securityObject
        self.options = options
    }

    /// Reads a profile JSON file and the files it names (relative to its folder).
    public init(profilePath: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: profilePath))
        } catch {
            throw VirtualChipError(.profileUnreadable, diagnostic: profilePath)
        }
        let profile: VirtualChipProfile
        do {
            profile = try JSONDecoder().decode(VirtualChipProfile.self, from: data)
        } catch {
            throw VirtualChipError(.profileInvalid, diagnostic: "\(error)")
        }
        let folder = URL(fileURLWithPath: profilePath).deletingLastPathComponent()
        try self.init(profile: profile, relativeTo: folder)
    }

    /// Resolves a decoded profile's paths against `folder`.
    public init(profile: VirtualChipProfile, relativeTo folder: URL) throws {
        func read(_ path: String?) throws -> [UInt8]? {
            guard let path else { return nil }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
            do {
                return [UInt8](try Data(contentsOf: url))
            } catch {
                throw VirtualChipError(.referencedFileUnreadable, diagnostic: path)
            }
        }
        func key(_ path: String?) throws -> SigningKey? {
            guard let bytes = try read(path) else { return nil }
            return try SigningKey(pem: String(decoding: bytes, as: UTF8.self))
        }
        self.init(
            holder: profile.holder, photo: try read(profile.photo),
            activeAuthenticationKey: try key(profile.activeAuthenticationKey),
            chipAuthenticationKey: try key(profile.chipAuthenticationKey),
            securityObject: try read(profile.securityObject), options: profile.options
        )
    }
}
