import ICAOCrypto

/// How PACE maps the nonce onto a fresh generator (Doc 9303-11 §4.4.3.3).
public enum MappingType: Sendable, Hashable {
    /// Generic Mapping: a Diffie-Hellman exchange, G̃ = s·G + H.
    case generic
    /// Integrated Mapping: G̃ = a point derived from R(s, t) with a pseudo-random function.
    case integrated
    /// Chip Authentication Mapping: generic mapping plus the chip's static-key proof.
    case chipAuthentication
}

/// The key agreement behind PACE or Chip Authentication.
public enum KeyAgreementAlgorithm: Sendable, Hashable {
    case diffieHellman
    case ellipticCurveDiffieHellman
}

/// The BSI/ICAO object identifiers of EF.CardAccess and DG14 (Doc 9303-11 §9.2, TR-03110-3).
enum SecurityProtocolArc {
    /// bsi-de protocols smartcard: 0.4.0.127.0.7.2.2.
    static let root: [UInt] = [0, 4, 0, 127, 0, 7, 2, 2]
    static let terminalAuthentication = root + [2]
    static let chipAuthentication = root + [3]
    static let pace = root + [4]

    /// The last arc of PACE and CA OIDs: 1 = 3DES-CBC-CBC, 2/3/4 = AES-CBC-CMAC-128/192/256.
    static func cipher(_ arc: UInt) -> CipherAlgorithm? {
        switch arc {
        case 1: .tripleDES
        case 2: .aes128
        case 3: .aes192
        case 4: .aes256
        default: nil
        }
    }

    /// `components` minus `prefix`, or nil when it does not start with it.
    static func suffix(of components: [UInt], after prefix: [UInt]) -> [UInt]? {
        guard components.count > prefix.count, Array(components.prefix(prefix.count)) == prefix else { return nil }
        return Array(components.dropFirst(prefix.count))
    }
}
