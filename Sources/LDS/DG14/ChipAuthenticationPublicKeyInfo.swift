public import ChipProtocol
public import SwiftASN1

/// ChipAuthenticationPublicKeyInfo (Doc 9303-11 §9.2.6, TR-03110-3): the chip's static key for
/// Chip Authentication, found in DG14.
///
/// ```
/// SEQUENCE { protocol OID (id-PK-DH 0.4.0.127.0.7.2.2.1.1 | id-PK-ECDH …1.2),
///            chipAuthenticationPublicKey SubjectPublicKeyInfo, keyId INTEGER OPTIONAL }
/// ```
public struct ChipAuthenticationPublicKeyInfo: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let keyAgreement: KeyAgreementAlgorithm
    public let publicKey: SubjectPublicKeyInfo
    /// Pairs the key with a ChipAuthenticationInfo when the chip has several.
    public let keyID: Int?

    public init(keyAgreement: KeyAgreementAlgorithm, publicKey: SubjectPublicKeyInfo, keyID: Int? = nil) {
        self.keyAgreement = keyAgreement
        self.publicKey = publicKey
        self.keyID = keyID
    }

    var protocolIdentifier: ASN1ObjectIdentifier {
        keyAgreement == .diffieHellman ? [0, 4, 0, 127, 0, 7, 2, 2, 1, 1] : [0, 4, 0, 127, 0, 7, 2, 2, 1, 2]
    }

    /// The key agreement an id-PK OID names; nil for any other OID.
    static func keyAgreement(for oid: ASN1ObjectIdentifier) -> KeyAgreementAlgorithm? {
        let arcs = oid.oidComponents
        guard arcs.count == ObjectIdentifiers.chipAuthenticationPublicKey.count + 1,
              arcs.starts(with: ObjectIdentifiers.chipAuthenticationPublicKey)
        else { return nil }
        switch arcs.last {
        case 1: return .diffieHellman
        case 2: return .ellipticCurveDiffieHellman
        default: return nil
        }
    }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let children = try ASN1Parsing.children(of: node, identifier)
        guard (2...3).contains(children.count),
              let agreement = Self.keyAgreement(for: try ASN1ObjectIdentifier(berEncoded: children[0]))
        else { throw ASN1Error.invalidASN1Object(reason: "not a ChipAuthenticationPublicKeyInfo") }
        keyAgreement = agreement
        publicKey = try SubjectPublicKeyInfo(berEncoded: children[1])
        keyID = children.count == 3 ? try Int(berEncoded: children[2]) : nil
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(protocolIdentifier)
            try coder.serialize(publicKey)
            if let keyID { try coder.serialize(keyID) }
        }
    }
}
