import ICAOCrypto

/// Verification of an ISO/IEC 9796-2 digital signature scheme 1 signature with partial message
/// recovery, as RSA Active Authentication uses it (Doc 9303-11 §6.1; ISO/IEC 9796-2 §8):
/// the recovered representative is `6A ‖ M1 ‖ H(M1 ‖ M2) ‖ trailer`, M2 being our challenge.
///
/// Trailer `BC` means SHA-1; a two-byte trailer `xx CC` names the hash by its ISO/IEC 10118-3
/// identifier. 9796-2 signers may send n − s instead of s; which one was sent shows in the last
/// nibble (C), so both candidates are examined.
enum ISO9796SignatureScheme1 {
    struct Failure: Error {
        let reason: String
    }

    /// The hash named by an ISO/IEC 10118-3 hash identifier in a two-byte trailer.
    static func hash(forIdentifier identifier: UInt8) -> HashAlgorithm? {
        switch identifier {
        case 0x33: .sha1
        case 0x34: .sha256
        case 0x35: .sha512
        case 0x36: .sha384
        case 0x38: .sha224
        default: nil
        }
    }

    /// Checks the signature; returns the hash it used.
    static func verify(
        representative: [UInt8], complement: [UInt8], challenge: [UInt8], crypto: any ICAOCryptography
    ) throws -> HashAlgorithm {
        guard let block = [representative, complement].first(where: { $0.last.map { $0 & 0x0F == 0x0C } ?? false }) else {
            throw Failure(reason: "no representative ends in the 9796-2 trailer nibble C")
        }
        guard block.first == 0x6A else {
            throw Failure(reason: "header is not 6A (scheme 1, partial recovery)")
        }
        let hash: HashAlgorithm
        let trailerLength: Int
        if block.last == 0xBC {
            (hash, trailerLength) = (.sha1, 1)
        } else if block.last == 0xCC, block.count >= 2, let named = Self.hash(forIdentifier: block[block.count - 2]) {
            (hash, trailerLength) = (named, 2)
        } else {
            throw Failure(reason: "unknown trailer")
        }
        let digestEnd = block.count - trailerLength
        let digestStart = digestEnd - hash.digestLength
        guard digestStart > 1 else { throw Failure(reason: "key too small for the hash") }
        let recoveredMessage = Array(block[1..<digestStart])
        let digest = Array(block[digestStart..<digestEnd])
        let expected = try crypto.hash(hash, recoveredMessage + challenge)
        guard SecureMessagingChecks.constantTimeEqual(expected, digest) else {
            throw Failure(reason: "hash of M1 and the challenge does not match")
        }
        return hash
    }
}
