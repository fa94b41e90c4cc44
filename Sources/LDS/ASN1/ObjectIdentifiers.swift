import SwiftASN1

/// The object identifiers of the LDS, CMS and public keys that this module reads and writes.
enum ObjectIdentifiers {
    /// id-icao-mrtd-security-ldsSecurityObject (Doc 9303-10 §4.6.2).
    static let ldsSecurityObject: ASN1ObjectIdentifier = [2, 23, 136, 1, 1, 1]
    /// id-icao-mrtd-security-aaProtocolObject: ActiveAuthenticationInfo in DG14 (Doc 9303-11 §9.2.7).
    static let activeAuthentication: ASN1ObjectIdentifier = [2, 23, 136, 1, 1, 5]
    /// id-signedData (RFC 5652 §5.1).
    static let signedData: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 2]
    /// CMS signed attributes (RFC 5652 §11).
    static let contentType: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 3]
    static let messageDigest: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 4]
    /// id-CA-DH / id-CA-ECDH public keys (TR-03110-3, Doc 9303-11 §9.2.5): bsi-de 2.2.1.{1,2}.
    static let chipAuthenticationPublicKey: [UInt] = [0, 4, 0, 127, 0, 7, 2, 2, 1]
    /// rsaEncryption (RFC 8017).
    static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 1]
    /// id-ecPublicKey (RFC 5480).
    static let ecPublicKey: ASN1ObjectIdentifier = [1, 2, 840, 10045, 2, 1]
    /// dhpublicnumber (X9.42, RFC 3279) — Chip Authentication DH keys.
    static let dhPublicNumber: ASN1ObjectIdentifier = [1, 2, 840, 10046, 2, 1]
    /// The UTF-8 character set OID that DG13 of Vietnamese cards declares (ISO/IEC 10646 UTF-8).
    static let utf8CharacterSet: ASN1ObjectIdentifier = [1, 0, 10646, 1, 0, 8]
}
