internal import COpenSSL
public import Foundation
import SwiftASN1

/// An ICAO CSCA master list (Doc 9303-12 §8): a CMS SignedData, eContentType
/// id-icao-cscaMasterList (2.23.136.1.1.2), whose content is
/// `CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }`, signed by a
/// master-list signer whose certificate travels inside.
///
/// Loading verifies the CMS signature and the messageDigest (so a corrupted or altered list is
/// refused as a whole, never half-read) and reports who signed it. That signature proves
/// integrity, not trust: whoever drops a list into the trust directory decides to trust the
/// signer's country. ``signerIssuer`` says which CSCA in the list itself issued the signer
/// certificate, the usual self-consistency check (a German list is signed under CSCA Germany).
public struct MasterList: Sendable {
    public static let contentType = "2.23.136.1.1.2"

    public let version: Int
    /// Every certificate in the list, in file order.
    public let certificates: [X509Certificate]
    /// The master-list signer's certificate.
    public let signer: X509Certificate
    /// The certificate in the list that issued ``signer`` and whose signature on it verifies; nil
    /// when none does.
    public let signerIssuer: X509Certificate?

    /// Parses and verifies a `.ml` file's bytes.
    public init(encoded bytes: [UInt8]) throws(TrustStoreError) {
        let cms: CMSSignedData
        do {
            cms = try CMSSignedData(bytes)
        } catch .unparsable(let diagnostic) {
            throw TrustStoreError(.masterListUnparsable, diagnostic: diagnostic)
        } catch {
            throw TrustStoreError(.masterListWrongContent, diagnostic: "ContentInfo is not id-signedData")
        }
        guard cms.encapsulatedContentType == Self.contentType else {
            throw TrustStoreError(.masterListWrongContent, diagnostic: "eContentType \(cms.encapsulatedContentType)")
        }
        guard let signer = cms.locateSignerCertificate() else {
            throw TrustStoreError(.masterListUnparsable, diagnostic: "not exactly one signer, or its certificate is not inside")
        }
        let content: [UInt8]
        switch cms.verifySignature() {
        case .success(let bytes): content = bytes
        case .failure(let failure): throw TrustStoreError(.masterListBadSignature, diagnostic: failure.diagnostic)
        }
        let (version, certificateDERs) = try Self.parseContent(content)
        var certificates: [X509Certificate] = []
        for der in certificateDERs {
            certificates.append(try X509Certificate(der: der))
        }
        self.version = version
        self.certificates = certificates
        self.signer = signer
        self.signerIssuer = certificates.first { $0.mayHaveIssued(signer) && signer.isSigned(by: $0) }
    }

    /// Reads a `.ml` file.
    public init(contentsOf url: URL) throws(TrustStoreError) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TrustStoreError(.fileUnreadable, diagnostic: url.path)
        }
        try self.init(encoded: [UInt8](data))
    }

    private static func parseContent(_ content: [UInt8]) throws(TrustStoreError) -> (Int, [[UInt8]]) {
        do {
            let root = try BER.parse(content)
            return try BER.sequence(root, identifier: .sequence) { nodes in
                let version = try Int(berEncoded: &nodes)
                guard let set = nodes.next(), set.identifier == .set, case .constructed(let children) = set.content else {
                    throw ASN1Error.invalidASN1Object(reason: "certList is not a SET")
                }
                guard nodes.next() == nil else { throw ASN1Error.invalidASN1Object(reason: "trailing elements") }
                return (version, children.map { Array($0.encodedBytes) })
            }
        } catch {
            throw TrustStoreError(.masterListUnparsable, diagnostic: "CscaMasterList: \(error)")
        }
    }
}
