public import ICAOCrypto

/// The shared secret PACE starts from (Doc 9303-11 §9.5.1). A secret: never printed
/// (``SecretBearing``).
public enum PACEPassword: Sendable, Hashable, SecretBearing {
    /// Card access number, printed on the card; on a CCCD the last 6 digits of the ID number.
    case can(String)
    /// The MRZ information of BAC.
    case mrz(MRZInformation)

    /// The password reference of MSE:Set AT tag 83.
    public var reference: UInt8 {
        switch self {
        case .mrz: 0x01
        case .can: 0x02
        }
    }

    /// K before K_π = KDF_π(K): SHA-1 of the MRZ information, or the CAN's characters as they are.
    func keyMaterial(crypto: any ICAOCryptography) throws -> [UInt8] {
        switch self {
        case .mrz(let mrz):
            return try crypto.hash(.sha1, Array(mrz.value.utf8))
        case .can(let digits):
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { throw PACEError(.invalidPassword) }
            return Array(digits.utf8)
        }
    }
}
