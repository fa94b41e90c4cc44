import ChipProtocol

/// How many bytes a file occupies, learnt from its first few bytes.
///
/// A reader reads the first 4–6 bytes of a file (tag plus a length of up to `84 xx xx xx xx`), asks
/// this helper for the total, and then reads exactly the rest — never past the end, and never a
/// length a hostile chip made up to keep the reader busy.
public enum LDSFileLength {
    /// Bytes a reader should request first: one tag byte and the longest length form (84 + 4).
    public static let headerProbeLength = 6

    /// 1 MiB. Real files are far smaller (a DG2 face is 10–30 KB, a fingerprint DG3 at most a few
    /// hundred KB); anything larger is a corrupted or hostile length.
    public static let defaultMaximum = 1 << 20

    /// The whole file's length (tag + length bytes + value) from its first bytes.
    ///
    /// - Parameters:
    ///   - prefix: the first bytes of the file; 2–6 are enough, more are ignored.
    ///   - file: when given, the first byte must be this file's tag.
    ///   - maximum: the largest total accepted.
    /// - Throws: ``LDSError`` `truncatedHeader`, `unexpectedFileTag` or `lengthTooLarge`.
    public static func totalLength(ofFileStartingWith prefix: [UInt8], file: LDSFile? = nil,
                                   maximum: Int = defaultMaximum) throws(LDSError) -> Int {
        if let file, let first = prefix.first, first != file.tag {
            throw LDSError(.unexpectedFileTag, diagnostic: "\(file): tag \(hex(first)), expected \(hex(file.tag))")
        }
        let header: TLVHeader
        do {
            header = try TLVHeader(decoding: Array(prefix.prefix(headerProbeLength)))
        } catch let error as TLVError where error.reason == .truncatedTag || error.reason == .truncatedLength {
            throw LDSError(.truncatedHeader, diagnostic: "\(prefix.count) bytes")
        } catch {
            // Indefinite (80) or over-long (85…) length forms: no real file uses them.
            throw LDSError(.lengthTooLarge, diagnostic: "\(error)")
        }
        // valueLength is at most 2³²−1, so the sum cannot overflow a 64-bit Int.
        guard header.totalLength <= maximum else {
            throw LDSError(.lengthTooLarge, diagnostic: "\(header.totalLength) bytes, maximum \(maximum)")
        }
        return header.totalLength
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
