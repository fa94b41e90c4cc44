public import ChipProtocol
public import ICAOCrypto
import SwiftASN1

/// DG14 (Doc 9303-10 §4.7.14): the SecurityInfos for Chip Authentication (and, on some chips,
/// PACE, Terminal and Active Authentication), `6E L 31 L { SecurityInfo… }`.
///
/// The PACE/CA/TA entries are read by ChipProtocol's ``SecurityInfos`` (the same parser as
/// EF.CardAccess); the public keys and the AA info, which that parser leaves aside, are read here.
/// A CA public key or AA info that does not parse is an error rather than a silent omission:
/// it would turn "Chip Authentication failed" into "not offered".
public struct DataGroup14: Sendable, Hashable {
    public let securityInfos: SecurityInfos
    public let chipAuthenticationPublicKeys: [ChipAuthenticationPublicKeyInfo]
    public let activeAuthenticationInfos: [ActiveAuthenticationInfo]
    /// The file exactly as read.
    public let encoded: [UInt8]

    public init(encoded bytes: [UInt8]) throws(LDSError) {
        let value = try ASN1Parsing.fileValue(bytes, file: .dataGroup(.dg14), reason: .malformedDG14)
        securityInfos = try ASN1Parsing.parse(.malformedDG14) { try SecurityInfos(berEncoded: value) }
        var keys: [ChipAuthenticationPublicKeyInfo] = []
        var activeAuthentication: [ActiveAuthenticationInfo] = []
        try ASN1Parsing.parse(.malformedDG14) {
            for entry in try ASN1Parsing.children(of: BER.parse(value), .set) {
                guard entry.identifier == .sequence, case .constructed(let fields) = entry.content,
                      let first = fields.first(where: { _ in true }),
                      let oid = try? ASN1ObjectIdentifier(berEncoded: first)
                else { continue }
                if ChipAuthenticationPublicKeyInfo.keyAgreement(for: oid) != nil {
                    keys.append(try ChipAuthenticationPublicKeyInfo(berEncoded: entry))
                } else if oid == ObjectIdentifiers.activeAuthentication {
                    activeAuthentication.append(try ActiveAuthenticationInfo(berEncoded: entry))
                }
            }
        }
        chipAuthenticationPublicKeys = keys
        activeAuthenticationInfos = activeAuthentication
        encoded = bytes
    }

    /// The public key a ChipAuthenticationInfo refers to: the key with its keyId, or the only
    /// key of its key agreement when neither names an id (Doc 9303-11 §9.2.5–9.2.6).
    public func publicKey(for info: ChipAuthenticationInfo) -> ChipAuthenticationPublicKeyInfo? {
        let candidates = chipAuthenticationPublicKeys.filter { $0.keyAgreement == info.keyAgreement }
        if let keyID = info.keyID { return candidates.first { $0.keyID == keyID } }
        return candidates.count == 1 ? candidates.first : nil
    }

    /// Builds DG14 for the virtual chip and tests: for each key a ChipAuthenticationPublicKeyInfo
    /// and a ChipAuthenticationInfo (version 1, `cipher`), then TerminalAuthenticationInfo and
    /// ActiveAuthenticationInfo when asked — the entries real CCCD chips carry (cccd.md §3.1).
    public static func encode(chipAuthenticationKeys: [ChipAuthenticationPublicKeyInfo], cipher: CipherAlgorithm = .aes128,
                              terminalAuthentication: Bool = true,
                              activeAuthentication: ActiveAuthenticationInfo? = nil) throws(LDSError) -> [UInt8] {
        let body = try DER.Serializer.bytes { coder in
            try coder.appendConstructedNode(identifier: .set) { coder in
                for key in chipAuthenticationKeys {
                    try coder.serialize(key)
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        let agreementArc: UInt = key.keyAgreement == .diffieHellman ? 1 : 2
                        try coder.serialize(ASN1ObjectIdentifier(elements: [0, 4, 0, 127, 0, 7, 2, 2, 3, agreementArc, cipherArc(cipher)]))
                        try coder.serialize(1)
                        if let keyID = key.keyID { try coder.serialize(keyID) }
                    }
                }
                if terminalAuthentication {
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        try coder.serialize(ASN1ObjectIdentifier(elements: [0, 4, 0, 127, 0, 7, 2, 2, 2]))
                        try coder.serialize(1)
                    }
                }
                if let activeAuthentication { try coder.serialize(activeAuthentication) }
            }
        }
        return TLV(tag: 0x6E, value: body).encoded
    }

    /// The last arc of id-CA OIDs: 1 = 3DES, 2/3/4 = AES-128/192/256.
    private static func cipherArc(_ cipher: CipherAlgorithm) -> UInt {
        switch cipher {
        case .tripleDES: 1
        case .aes128: 2
        case .aes192: 3
        case .aes256: 4
        }
    }
}
