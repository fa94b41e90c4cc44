import ChipProtocol
import ICAOCrypto

/// How the chip was opened, for `card read --json`: `method` (`PACE`/`BAC`), the PACE mapping,
/// password and parameter id, the secure-messaging cipher, and for BAC which MRZ key worked.
struct AccessJSON: Encodable {
    let method: String
    let description: String
    let cipher: String
    let mapping: String?
    let password: String?
    let parameterId: Int?
    /// For BAC: which MRZ key opened the chip (0 = the first, the derived expiry for a QR).
    let bacKeyIndex: Int?

    init(_ method: AccessMethod) {
        description = method.description
        cipher = Self.name(method.cipher)
        switch method {
        case .pace(let access):
            self.method = "PACE"
            mapping = switch access.mapping {
            case .generic: "GM"
            case .integrated: "IM"
            case .chipAuthentication: "CAM"
            }
            password = access.password.rawValue
            parameterId = access.parameterID
            bacKeyIndex = nil
        case .bac(let index):
            self.method = "BAC"
            (mapping, password, parameterId, bacKeyIndex) = (nil, "MRZ", nil, index)
        }
    }

    static func name(_ cipher: CipherAlgorithm) -> String {
        switch cipher {
        case .tripleDES: "3DES"
        case .aes128: "AES-128"
        case .aes192: "AES-192"
        case .aes256: "AES-256"
        }
    }

    enum CodingKeys: String, CodingKey {
        case method, description, cipher, mapping, password, parameterId, bacKeyIndex
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(description, forKey: .description)
        try container.encode(cipher, forKey: .cipher)
        try container.encode(mapping, forKey: .mapping)
        try container.encode(password, forKey: .password)
        try container.encode(parameterId, forKey: .parameterId)
        try container.encode(bacKeyIndex, forKey: .bacKeyIndex)
    }
}
