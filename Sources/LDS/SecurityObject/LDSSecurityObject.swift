public import ICAOCrypto
public import SwiftASN1

/// LDSSecurityObject (Doc 9303-10 §4.6.2.2): the hash of every data group, signed inside EF.SOD.
///
/// ```
/// SEQUENCE { version INTEGER (0 | 1), hashAlgorithm AlgorithmIdentifier,
///            dataGroupHashValues SEQUENCE OF DataGroupHash, ldsVersionInfo LDSVersionInfo OPTIONAL }
/// ```
/// A data group listed twice is refused: with two hashes for one file, which one was meant is unknowable.
public struct LDSSecurityObject: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// 0, or 1 when ``versionInfo`` is present.
    public let version: Int
    public let hashAlgorithm: AlgorithmIdentifier
    public let dataGroupHashes: [DataGroupHash]
    public let versionInfo: LDSVersionInfo?

    /// Builds the object the virtual chip signs; version follows ``versionInfo``.
    public init(hashAlgorithm: HashAlgorithm, dataGroupHashes: [DataGroupHash], versionInfo: LDSVersionInfo? = nil) {
        self.version = versionInfo == nil ? 0 : 1
        // Parameters absent, as RFC 5754 recommends for SHA-2 (ICAO accepts both).
        self.hashAlgorithm = AlgorithmIdentifier(algorithm: hashAlgorithm.objectIdentifier)
        self.dataGroupHashes = dataGroupHashes
        self.versionInfo = versionInfo
    }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (version, hashAlgorithm, dataGroupHashes, versionInfo) = try BER.sequence(node, identifier: identifier) { nodes in
            let version = try Int(berEncoded: &nodes)
            let algorithm = try AlgorithmIdentifier(berEncoded: &nodes)
            let hashes = try BER.sequence(of: DataGroupHash.self, identifier: .sequence, nodes: &nodes)
            let info = try nodes.next().map { try LDSVersionInfo(berEncoded: $0) }
            return (version, algorithm, hashes, info)
        }
        let numbers = dataGroupHashes.map(\.number)
        guard Set(numbers).count == numbers.count else {
            throw ASN1Error.invalidASN1Object(reason: "a data group is listed twice")
        }
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(version)
            try coder.serialize(hashAlgorithm)
            try coder.serializeSequenceOf(dataGroupHashes)
            if let versionInfo { try coder.serialize(versionInfo) }
        }
    }

    /// The DER eContent to sign (`openssl cms -sign -econtent_type 2.23.136.1.1.1`).
    public func derEncoded() throws(LDSError) -> [UInt8] {
        try DER.Serializer.bytes { try $0.serialize(self) }
    }
}
