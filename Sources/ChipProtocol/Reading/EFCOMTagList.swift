/// The data-group tag list of EF.COM (Doc 9303-10 §4.6.1: `60 { 5F01 version, 5F36 Unicode
/// version, 5C tag list }`): all the read plan needs. Full EF.COM parsing (versions) is the LDS
/// module's.
enum EFCOMTagList {
    static func tags(in file: [UInt8]) throws -> [UInt8] {
        do {
            let root = try TLV(decoding: file, expectedTag: 0x60)
            return try root.children().required(tag: 0x5C).value
        } catch {
            throw ChipReadError(.malformedResponse, diagnostic: "EF.COM: \(error)")
        }
    }
}
