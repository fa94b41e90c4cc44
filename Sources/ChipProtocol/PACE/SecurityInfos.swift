internal import SwiftASN1

/// The `SET OF SecurityInfo` of EF.CardAccess (and of DG14), parsed with swift-asn1 in BER mode.
///
/// Unknown or malformed *entries* are skipped and their OIDs kept in ``otherProtocols`` — a chip
/// may list protocols this reader does not know, and refusing the whole file would block
/// PACE for no reason. A file that is not a SET OF SEQUENCE at all is an error.
public struct SecurityInfos: Sendable, Hashable {
    public var paceInfos: [PACEInfo] = []
    public var chipAuthenticationInfos: [ChipAuthenticationInfo] = []
    public var terminalAuthenticationInfos: [TerminalAuthenticationInfo] = []
    /// Dotted OIDs of entries not used here (PACEDomainParameterInfo, CA public keys, …).
    public var otherProtocols: [String] = []

    public init(berEncoded bytes: [UInt8]) throws {
        let root: ASN1Node
        do {
            root = try BER.parse(bytes)
        } catch {
            throw PACEError(.malformedSecurityInfos, diagnostic: "\(error)")
        }
        guard root.identifier == .set, case .constructed(let entries) = root.content else {
            throw PACEError(.malformedSecurityInfos, diagnostic: "not a SET")
        }
        for entry in entries {
            guard entry.identifier == .sequence, case .constructed(let fields) = entry.content else { continue }
            let nodes = Array(fields)
            guard let oidNode = nodes.first, let oid = try? ASN1ObjectIdentifier(berEncoded: oidNode) else { continue }
            if !add(oid: oid, oidNode: oidNode, fields: Array(nodes.dropFirst())) {
                otherProtocols.append(oid.description)
            }
        }
    }

    /// Files the entry under its kind; false when it is unknown or its fields do not parse.
    private mutating func add(oid: ASN1ObjectIdentifier, oidNode: ASN1Node, fields: [ASN1Node]) -> Bool {
        let components = oid.oidComponents
        let integers = fields.map { try? Int(berEncoded: $0) }
        guard let version = integers.first ?? nil else { return false }
        let optionalInteger = integers.count > 1 ? integers[1] : nil
        if let algorithm = PACEAlgorithm(components: components, content: Self.content(of: oidNode)) {
            paceInfos.append(PACEInfo(algorithm: algorithm, version: version, parameterID: optionalInteger))
            return true
        }
        if let arcs = SecurityProtocolArc.suffix(of: components, after: SecurityProtocolArc.chipAuthentication),
           (1...2).contains(arcs.count), arcs[0] == 1 || arcs[0] == 2 {
            let cipher = arcs.count == 2 ? SecurityProtocolArc.cipher(arcs[1]) : nil
            if arcs.count == 2, cipher == nil { return false }
            chipAuthenticationInfos.append(ChipAuthenticationInfo(
                keyAgreement: arcs[0] == 1 ? .diffieHellman : .ellipticCurveDiffieHellman,
                cipher: cipher, version: version, keyID: optionalInteger
            ))
            return true
        }
        if components == SecurityProtocolArc.terminalAuthentication {
            terminalAuthenticationInfos.append(TerminalAuthenticationInfo(version: version))
            return true
        }
        return false
    }

    /// The OID's content octets (after tag and length), exactly as the chip encoded them.
    private static func content(of node: ASN1Node) -> [UInt8] {
        let encoded = Array(node.encodedBytes)
        guard let header = try? TLVHeader(decoding: encoded) else { return [] }
        return Array(encoded.dropFirst(header.headerLength))
    }
}
