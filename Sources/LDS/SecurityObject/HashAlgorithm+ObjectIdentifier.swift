public import ICAOCrypto
public import SwiftASN1

extension HashAlgorithm {
    /// The digest an AlgorithmIdentifier OID names (NIST / OIW arcs); nil for others.
    public init?(objectIdentifier: ASN1ObjectIdentifier) {
        guard let algorithm = HashAlgorithm.allCases.first(where: { $0.objectIdentifier == objectIdentifier }) else { return nil }
        self = algorithm
    }

    /// id-sha1 1.3.14.3.2.26 and id-sha224/256/384/512 2.16.840.1.101.3.4.2.{4,1,2,3}.
    public var objectIdentifier: ASN1ObjectIdentifier {
        switch self {
        case .sha1: [1, 3, 14, 3, 2, 26]
        case .sha224: [2, 16, 840, 1, 101, 3, 4, 2, 4]
        case .sha256: [2, 16, 840, 1, 101, 3, 4, 2, 1]
        case .sha384: [2, 16, 840, 1, 101, 3, 4, 2, 2]
        case .sha512: [2, 16, 840, 1, 101, 3, 4, 2, 3]
        }
    }
}
