/// Draws private scalars in [1, bound−1] from a ``RandomSource``.
///
/// The top byte is masked to the bound's bit length (so P-521's 66-byte order is not rejected 99 %
/// of the time); everything else is drawn unchanged, which lets tests inject the standard's
/// private keys verbatim. The comparison is on fixed-length big-endian strings.
enum RejectionSampling {
    /// Gives up after this many draws; with masking each draw succeeds with probability > 1/2.
    static let maximumAttempts = 128

    static func scalar(below bound: [UInt8], bits: Int, using random: any RandomSource) throws -> [UInt8] {
        let length = (bits + 7) / 8
        for _ in 0..<maximumAttempts {
            var candidate = try random.randomBytes(length)
            guard candidate.count == length else {
                throw CryptoError(.randomSourceFailed, diagnostic: "asked for \(length) bytes, got \(candidate.count)")
            }
            if bits % 8 != 0 {
                candidate[0] &= UInt8((1 << (bits % 8)) - 1)
            }
            let isZero = candidate.allSatisfy { $0 == 0 }
            if !isZero, candidate.lexicographicallyPrecedes(bound) {
                return candidate
            }
        }
        throw CryptoError(.randomSourceFailed, diagnostic: "no scalar in range after \(maximumAttempts) draws")
    }
}
