import ChipProtocol

/// EF.COM (Doc 9303-10 §4.6.1): the LDS and Unicode versions and which data groups the chip holds.
///
/// ```
/// 60 L
///    5F01 04 "0107"      LDS version 1.7
///    5F36 06 "040000"    Unicode version 4.0.0
///    5C   L  61 75 6D …  tag list: DG1, DG2, DG13 …
/// ```
/// EF.COM is not covered by the SOD hashes, so readers use it as a hint only: what the SOD
/// lists is what must be read and verified.
public struct EFCOM: Sendable, Hashable {
    /// `aabb` digits as stored (`0107`); see ``ldsVersion``.
    public let ldsVersionText: String
    /// `aabbcc` digits as stored (`040000`); see ``unicodeVersion``.
    public let unicodeVersionText: String
    /// The data groups in the tag list, in the chip's order.
    public let dataGroups: [DataGroup]
    /// Tag-list entries that name no data group (kept for the operator; never fatal).
    public let unknownTags: [UInt8]
    /// The file exactly as read.
    public let encoded: [UInt8]

    /// `1.7` from `0107`: two-digit major and minor, leading zeros dropped.
    public var ldsVersion: String { EFCOM.dotted(ldsVersionText) }
    /// `4.0.0` from `040000`.
    public var unicodeVersion: String { EFCOM.dotted(unicodeVersionText) }

    public init(encoded bytes: [UInt8]) throws(LDSError) {
        let value = try ASN1Parsing.fileValue(bytes, file: .com, reason: .malformedCOM)
        let objects = try ASN1Parsing.parse(.malformedCOM) { try TLV.decodeSequence(value) }
        let version = try ASN1Parsing.parse(.malformedCOM) { try objects.required(tag: 0x5F01).value }
        let unicode = try ASN1Parsing.parse(.malformedCOM) { try objects.required(tag: 0x5F36).value }
        let tagList = try ASN1Parsing.parse(.malformedCOM) { try objects.required(tag: 0x5C).value }
        guard version.count == 4, unicode.count == 6,
              (version + unicode).allSatisfy({ (0x30...0x39).contains($0) })
        else { throw LDSError(.malformedCOM, diagnostic: "version fields are not 4 and 6 digits") }
        ldsVersionText = String(decoding: version, as: UTF8.self)
        unicodeVersionText = String(decoding: unicode, as: UTF8.self)
        dataGroups = tagList.compactMap(DataGroup.init(tag:))
        unknownTags = tagList.filter { DataGroup(tag: $0) == nil }
        encoded = bytes
    }

    /// Builds EF.COM for the virtual chip and tests. Defaults: LDS 1.7, Unicode 4.0.0 — the values
    /// current eMRTDs, including both public samples, carry.
    public static func encode(dataGroups: [DataGroup], ldsVersion: String = "0107",
                              unicodeVersion: String = "040000") throws(LDSError) -> [UInt8] {
        guard ldsVersion.utf8.count == 4, unicodeVersion.utf8.count == 6,
              (ldsVersion + unicodeVersion).utf8.allSatisfy({ (0x30...0x39).contains($0) })
        else { throw LDSError(.invalidBuilderInput, diagnostic: "versions must be 4 and 6 digits") }
        let content = TLV(tag: 0x5F01, value: Array(ldsVersion.utf8)).encoded
            + TLV(tag: 0x5F36, value: Array(unicodeVersion.utf8)).encoded
            + TLV(tag: 0x5C, value: dataGroups.map(\.tag)).encoded
        return TLV(tag: 0x60, value: content).encoded
    }

    private static func dotted(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        return stride(from: 0, to: bytes.count, by: 2).map { index in
            String(Int(String(decoding: bytes[index..<min(index + 2, bytes.count)], as: UTF8.self)) ?? 0)
        }.joined(separator: ".")
    }
}
