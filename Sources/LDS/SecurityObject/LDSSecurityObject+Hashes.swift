public import ICAOCrypto

/// How a data group read from the chip compares with the hash the SOD lists for it.
public enum DataGroupHashCheck: Sendable, Hashable {
    case match
    /// The file differs from what the document signer signed: tampering or a read error.
    case mismatch(expected: [UInt8], actual: [UInt8])
    /// The SOD has no hash for this data group, so nothing vouches for it.
    case notListed
}

extension LDSSecurityObject {
    /// The digest ``hashAlgorithm`` names. Throws `unsupportedHashAlgorithm` for anything but SHA-1/224/256/384/512.
    public var hashFunction: HashAlgorithm {
        get throws(LDSError) {
            guard let function = HashAlgorithm(objectIdentifier: hashAlgorithm.algorithm) else {
                throw LDSError(.unsupportedHashAlgorithm, diagnostic: "\(hashAlgorithm.algorithm)")
            }
            return function
        }
    }

    /// The data groups the SOD covers, in its order: what a reader should read (EF.COM is not signed).
    public var dataGroups: [DataGroup] { dataGroupHashes.compactMap(\.dataGroup) }

    /// The hash listed for `dataGroup`, nil when the SOD does not cover it.
    public func listedHash(of dataGroup: DataGroup) -> [UInt8]? {
        dataGroupHashes.first { $0.number == dataGroup.number }?.hash
    }

    /// The hash of a file's exact bytes (tag, length and value, as read) with this SOD's algorithm.
    public func hash(of file: [UInt8], using crypto: any ICAOCryptography = OpenSSLCrypto()) throws(LDSError) -> [UInt8] {
        let function = try hashFunction
        do {
            return try crypto.hash(function, file)
        } catch {
            throw LDSError(.unsupportedHashAlgorithm, diagnostic: "\(error)")
        }
    }

    /// Compares `file` (exactly the bytes read) with the hash listed for `dataGroup`. The
    /// comparison does not stop at the first differing byte, so its time says nothing about where
    /// a forged file differs.
    public func check(_ dataGroup: DataGroup, file: [UInt8],
                      using crypto: any ICAOCryptography = OpenSSLCrypto()) throws(LDSError) -> DataGroupHashCheck {
        guard let expected = listedHash(of: dataGroup) else { return .notListed }
        let actual = try hash(of: file, using: crypto)
        let differences = zip(expected, actual).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
        return differences == 0 && expected.count == actual.count ? .match : .mismatch(expected: expected, actual: actual)
    }

    /// Hashes each file with `algorithm`: the object the virtual chip's SOD signs.
    public static func hashing(_ files: [DataGroup: [UInt8]], with algorithm: HashAlgorithm,
                               versionInfo: LDSVersionInfo? = nil,
                               using crypto: any ICAOCryptography = OpenSSLCrypto()) throws(LDSError) -> LDSSecurityObject {
        var hashes: [DataGroupHash] = []
        for (group, bytes) in files.sorted(by: { $0.key < $1.key }) {
            do {
                hashes.append(DataGroupHash(dataGroup: group, hash: try crypto.hash(algorithm, bytes)))
            } catch {
                throw LDSError(.unsupportedHashAlgorithm, diagnostic: "\(error)")
            }
        }
        return LDSSecurityObject(hashAlgorithm: algorithm, dataGroupHashes: hashes, versionInfo: versionInfo)
    }
}
