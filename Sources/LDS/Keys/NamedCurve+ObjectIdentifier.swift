public import ICAOCrypto
public import SwiftASN1

extension NamedCurve {
    /// The curve an X9.62/RFC 5480/RFC 5639 OID names; nil for curves this reader does not know.
    public init?(objectIdentifier: ASN1ObjectIdentifier) {
        guard let curve = NamedCurve.allCases.first(where: { $0.objectIdentifier == objectIdentifier }) else { return nil }
        self = curve
    }

    /// The curve's OID (for building keys and certificates).
    public var objectIdentifier: ASN1ObjectIdentifier {
        // brainpool: ecStdCurvesAndGeneration 1.3.36.3.3.2.8.1.1.x (RFC 5639 §4.1).
        switch self {
        case .secp192r1: return [1, 2, 840, 10045, 3, 1, 1]
        case .secp224r1: return [1, 3, 132, 0, 33]
        case .secp256r1: return [1, 2, 840, 10045, 3, 1, 7]
        case .secp384r1: return [1, 3, 132, 0, 34]
        case .secp521r1: return [1, 3, 132, 0, 35]
        case .brainpoolP192r1: return [1, 3, 36, 3, 3, 2, 8, 1, 1, 3]
        case .brainpoolP224r1: return [1, 3, 36, 3, 3, 2, 8, 1, 1, 5]
        case .brainpoolP256r1: return [1, 3, 36, 3, 3, 2, 8, 1, 1, 7]
        case .brainpoolP320r1: return [1, 3, 36, 3, 3, 2, 8, 1, 1, 9]
        case .brainpoolP384r1: return [1, 3, 36, 3, 3, 2, 8, 1, 1, 11]
        case .brainpoolP512r1: return [1, 3, 36, 3, 3, 2, 8, 1, 1, 13]
        }
    }
}
