public import ICAOCrypto

/// How the chip was opened: reported with every read (the kiosk's audit trail and benchmarks
/// show it), free of personal data.
public enum AccessMethod: Sendable, Hashable, CustomStringConvertible {
    case pace(PACEAccess)
    /// BAC with the `candidateIndex`-th MRZ key tried (0 = the derived expiry, for a QR).
    case bac(candidateIndex: Int)

    public var description: String {
        switch self {
        case .pace(let access): access.description
        case .bac(let index): "BAC (3DES, MRZ key \(index + 1))"
        }
    }

    /// The secure-messaging cipher the session started with.
    public var cipher: CipherAlgorithm {
        switch self {
        case .pace(let access): access.cipher
        case .bac: .tripleDES
        }
    }
}

/// Which PACE variant opened the chip.
public struct PACEAccess: Sendable, Hashable, CustomStringConvertible {
    public enum Password: String, Sendable, Hashable {
        case can = "CAN"
        case mrz = "MRZ"
    }

    public let mapping: MappingType
    public let keyAgreement: KeyAgreementAlgorithm
    public let cipher: CipherAlgorithm
    public let parameterID: Int?
    public let password: Password

    init(info: PACEInfo, password: PACEPassword) {
        mapping = info.algorithm.mapping
        keyAgreement = info.algorithm.keyAgreement
        cipher = info.algorithm.cipher
        parameterID = info.parameterID
        self.password = switch password {
        case .can: .can
        case .mrz: .mrz
        }
    }

    /// "PACE-ECDH-GM-AES-128 (CAN, parameter 13)".
    public var description: String {
        let agreement = keyAgreement == .ellipticCurveDiffieHellman ? "ECDH" : "DH"
        let map = switch mapping {
        case .generic: "GM"
        case .integrated: "IM"
        case .chipAuthentication: "CAM"
        }
        let cipherName = switch cipher {
        case .tripleDES: "3DES"
        case .aes128: "AES-128"
        case .aes192: "AES-192"
        case .aes256: "AES-256"
        }
        return "PACE-\(agreement)-\(map)-\(cipherName) (\(password.rawValue), parameter \(parameterID.map(String.init) ?? "proprietary"))"
    }
}
