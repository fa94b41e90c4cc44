internal import SwiftASN1
import ICAOCrypto

extension ChipSecurityOptions {
    /// id-PK-DH / id-PK-ECDH: 0.4.0.127.0.7.2.2.1.{1,2}.
    private static let publicKeyArc = SecurityProtocolArc.root + [1]
    /// id-icao-mrtd-security-aaProtocolObject: 2.23.136.1.1.5.
    private static let activeAuthenticationInfo: [UInt] = [2, 23, 136, 1, 1, 5]
    /// ecdsa-plain-signatures (BSI TR-03111): 0.4.0.127.0.7.1.1.4.1, then 1…5 for SHA-1/224/256/384/512.
    private static let plainECDSA: [UInt] = [0, 4, 0, 127, 0, 7, 1, 1, 4, 1]
    /// X9.62 ecdsa-with-SHA1 (1.2.840.10045.4.1) and ecdsa-with-SHA2 (…4.3, then 1…4 for
    /// SHA-224/256/384/512): some chips name these instead [?]; the hash is what matters.
    private static let x962ECDSA: [UInt] = [1, 2, 840, 10045, 4]

    /// Parses DG14 (`6E { SET OF SecurityInfo }`). Entries this reader does not use are ignored;
    /// a file that is not a SET at all is malformed.
    public init(dg14 file: [UInt8]) throws {
        let set: [UInt8]
        do {
            set = try TLV(decoding: file, expectedTag: 0x6E).value
        } catch {
            throw ChipReadError(.malformedResponse, diagnostic: "DG14: \(error)")
        }
        let infos: SecurityInfos
        do {
            infos = try SecurityInfos(berEncoded: set)
        } catch {
            throw ChipReadError(.malformedResponse, diagnostic: "DG14: \(error)")
        }
        self.init(chipAuthenticationInfos: infos.chipAuthenticationInfos)
        guard let root = try? BER.parse(set), case .constructed(let entries) = root.content else { return }
        for entry in entries {
            guard case .constructed(let fields) = entry.content else { continue }
            let nodes = Array(fields)
            guard let first = nodes.first, let oid = try? ASN1ObjectIdentifier(berEncoded: first) else { continue }
            let components = oid.oidComponents
            if let arcs = SecurityProtocolArc.suffix(of: components, after: Self.publicKeyArc), arcs.count == 1, nodes.count >= 2 {
                let keyID = nodes.count > 2 ? try? Int(berEncoded: nodes[2]) : nil
                chipAuthenticationKeys.append(ChipAuthenticationKey(subjectPublicKeyInfo: Array(nodes[1].encodedBytes), keyID: keyID))
            } else if components == Self.activeAuthenticationInfo, nodes.count >= 3,
                      let algorithm = try? ASN1ObjectIdentifier(berEncoded: nodes[2]) {
                activeAuthenticationHash = Self.hash(ofPlainECDSA: algorithm.oidComponents)
            }
        }
    }

    private static func hash(ofPlainECDSA components: [UInt]) -> HashAlgorithm? {
        if let arcs = SecurityProtocolArc.suffix(of: components, after: plainECDSA), arcs.count == 1 {
            switch arcs[0] {
            case 1: return .sha1
            case 2: return .sha224
            case 3: return .sha256
            case 4: return .sha384
            case 5: return .sha512
            default: return nil
            }
        }
        switch SecurityProtocolArc.suffix(of: components, after: x962ECDSA) {
        case [1]: return .sha1
        case [3, 1]: return .sha224
        case [3, 2]: return .sha256
        case [3, 3]: return .sha384
        case [3, 4]: return .sha512
        default: return nil
        }
    }
}
