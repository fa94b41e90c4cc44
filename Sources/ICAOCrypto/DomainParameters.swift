/// The standardized domain parameters PACE refers to by id (Doc 9303-11 §9.5.1, Table 6).
///
/// Ids 3–7 are reserved and 19–31 are unassigned: they are rejected rather than guessed, since a
/// wrong group would only fail later with a confusing MAC error.
public enum DomainParameters: Sendable, Hashable {
    case modular(StandardModularGroup)
    case ellipticCurve(NamedCurve)

    public init?(standardizedID: Int) {
        switch standardizedID {
        case 0: self = .modular(.rfc5114_1024_160)
        case 1: self = .modular(.rfc5114_2048_224)
        case 2: self = .modular(.rfc5114_2048_256)
        case 8: self = .ellipticCurve(.secp192r1)
        case 9: self = .ellipticCurve(.brainpoolP192r1)
        case 10: self = .ellipticCurve(.secp224r1)
        case 11: self = .ellipticCurve(.brainpoolP224r1)
        case 12: self = .ellipticCurve(.secp256r1)
        case 13: self = .ellipticCurve(.brainpoolP256r1)
        case 14: self = .ellipticCurve(.brainpoolP320r1)
        case 15: self = .ellipticCurve(.secp384r1)
        case 16: self = .ellipticCurve(.brainpoolP384r1)
        case 17: self = .ellipticCurve(.brainpoolP512r1)
        case 18: self = .ellipticCurve(.secp521r1)
        default: return nil
        }
    }

    /// The id the chip expects in MSE:Set AT tag 84.
    public var standardizedID: Int {
        switch self {
        case .modular(.rfc5114_1024_160): 0
        case .modular(.rfc5114_2048_224): 1
        case .modular(.rfc5114_2048_256): 2
        case .ellipticCurve(.secp192r1): 8
        case .ellipticCurve(.brainpoolP192r1): 9
        case .ellipticCurve(.secp224r1): 10
        case .ellipticCurve(.brainpoolP224r1): 11
        case .ellipticCurve(.secp256r1): 12
        case .ellipticCurve(.brainpoolP256r1): 13
        case .ellipticCurve(.brainpoolP320r1): 14
        case .ellipticCurve(.secp384r1): 15
        case .ellipticCurve(.brainpoolP384r1): 16
        case .ellipticCurve(.brainpoolP512r1): 17
        case .ellipticCurve(.secp521r1): 18
        }
    }
}
