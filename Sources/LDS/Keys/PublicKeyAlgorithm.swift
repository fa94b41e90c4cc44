public import ICAOCrypto
public import SwiftASN1

/// The kind of a public key, from its AlgorithmIdentifier.
public enum PublicKeyAlgorithm: Sendable, Hashable {
    /// rsaEncryption: Active Authentication with ISO/IEC 9796-2.
    case rsa
    /// id-ecPublicKey with its domain parameters.
    case ellipticCurve(ECDomainParameters)
    /// dhpublicnumber: Chip Authentication over a finite field; the parameters' encoding.
    case diffieHellman(parameters: [UInt8]?)
    case other(ASN1ObjectIdentifier)

    init(_ identifier: AlgorithmIdentifier) {
        switch identifier.algorithm {
        case ObjectIdentifiers.rsaEncryption: self = .rsa
        case ObjectIdentifiers.ecPublicKey: self = .ellipticCurve(ECDomainParameters(encoded: identifier.parameters))
        case ObjectIdentifiers.dhPublicNumber: self = .diffieHellman(parameters: identifier.parameters)
        default: self = .other(identifier.algorithm)
        }
    }
}

/// The domain parameters of an EC key (RFC 5480 ECParameters, X9.62).
public enum ECDomainParameters: Sendable, Hashable {
    /// namedCurve: the OID, and the curve when this reader knows it.
    case named(ASN1ObjectIdentifier, NamedCurve?)
    /// specifiedCurve: the whole ECParameters SEQUENCE as encoded. German and Vietnamese-era
    /// documents use these for brainpool keys; OpenSSL matches them to a named curve.
    case explicit([UInt8])
    /// implicitlyCA (NULL) or absent: the curve is inherited from elsewhere.
    case implicit

    init(encoded: [UInt8]?) {
        guard let encoded, let node = try? BER.parse(encoded) else {
            self = .implicit
            return
        }
        if node.identifier == .objectIdentifier, let oid = try? ASN1ObjectIdentifier(berEncoded: node) {
            self = .named(oid, NamedCurve(objectIdentifier: oid))
        } else if node.identifier == .sequence {
            self = .explicit(encoded)
        } else {
            self = .implicit
        }
    }
}
