public import ICAOCrypto
public import SwiftASN1

/// ActiveAuthenticationInfo (Doc 9303-11 §9.2.7): present in DG14 when Active Authentication
/// uses ECDSA, naming the signature algorithm (and so the hash) the chip signs with.
///
/// `SEQUENCE { id-icao-mrtd-security-aaProtocolObject, version INTEGER (1), signatureAlgorithm OID }`
public struct ActiveAuthenticationInfo: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let version: Int
    /// e.g. ecdsa-with-SHA256 1.2.840.10045.4.3.2.
    public let signatureAlgorithm: ASN1ObjectIdentifier

    /// The hash the chip applies before ECDSA: from X9.62 ecdsa-with-SHA* (1.2.840.10045.4.1,
    /// 4.3.1–4.3.4) or BSI TR-03111 ecdsa-plain-SHA* (0.4.0.127.0.7.1.1.4.1.1–5); nil for others.
    public var hashAlgorithm: HashAlgorithm? {
        let arcs = signatureAlgorithm.oidComponents
        let x962: [UInt] = [1, 2, 840, 10045, 4], plain: [UInt] = [0, 4, 0, 127, 0, 7, 1, 1, 4, 1]
        if arcs == x962 + [1] { return .sha1 }
        if arcs.count == x962.count + 2, arcs.starts(with: x962 + [3]) {
            return [1: .sha224, 2: .sha256, 3: .sha384, 4: .sha512][arcs[arcs.count - 1]]
        }
        if arcs.count == plain.count + 1, arcs.starts(with: plain) {
            return [1: .sha1, 2: .sha224, 3: .sha256, 4: .sha384, 5: .sha512][arcs[arcs.count - 1]]
        }
        return nil
    }

    public init(version: Int = 1, signatureAlgorithm: ASN1ObjectIdentifier) {
        self.version = version
        self.signatureAlgorithm = signatureAlgorithm
    }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let children = try ASN1Parsing.children(of: node, identifier)
        guard children.count == 3, try ASN1ObjectIdentifier(berEncoded: children[0]) == ObjectIdentifiers.activeAuthentication else {
            throw ASN1Error.invalidASN1Object(reason: "not an ActiveAuthenticationInfo")
        }
        version = try Int(berEncoded: children[1])
        signatureAlgorithm = try ASN1ObjectIdentifier(berEncoded: children[2])
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ObjectIdentifiers.activeAuthentication)
            try coder.serialize(version)
            try coder.serialize(signatureAlgorithm)
        }
    }
}
