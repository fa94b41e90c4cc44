import ChipProtocol

/// Hand-assembled DG13 bytes, built with the TLV encoder of ChipProtocol (not the LDS builder
/// under test) so parser tests do not depend on the code they check.
enum DG13Fixture {
    static func field(_ number: Int, _ values: [UInt8]...) -> [UInt8] {
        TLV(tag: 0x30, value: [0x02, 0x01, UInt8(number)] + values.joined()).encoded
    }

    static func utf8(_ text: String) -> [UInt8] { TLV(tag: 0x0C, value: Array(text.utf8)).encoded }
    static func printable(_ text: String) -> [UInt8] { TLV(tag: 0x13, value: Array(text.utf8)).encoded }
    static func sequence(_ parts: [UInt8]...) -> [UInt8] { TLV(tag: 0x30, value: Array(parts.joined())).encoded }

    /// `6D { 30 { 02 01 01, 06 06 28D3160100 08, 31 { fields } } }`
    static func file(_ fields: [[UInt8]]) -> [UInt8] {
        let header: [UInt8] = [0x02, 0x01, 0x01, 0x06, 0x06, 0x28, 0xD3, 0x16, 0x01, 0x00, 0x08]
        let set = TLV(tag: 0x31, value: Array(fields.joined())).encoded
        return TLV(tag: 0x6D, value: TLV(tag: 0x30, value: header + set).encoded).encoded
    }

    /// An invented holder's card: every documented field, parents in one nested SEQUENCE, no
    /// spouse, a 9-digit old ID — in a shuffled order, since lookup must be by number.
    static let parentsInOneSequence: [[UInt8]] = [
        field(2, utf8("Nguyễn Thị Mẫu")),
        field(1, printable("001190000123")),
        field(3, printable("15/03/1990")),
        field(4, utf8("Nữ")),
        field(5, utf8("Việt Nam")),
        field(6, utf8("Kinh")),
        field(7, utf8("Không")),
        field(8, utf8("Xã Mẫu, Huyện Thử, Hà Nội")),
        field(9, utf8("Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội")),
        field(10, utf8("Nốt ruồi C:1cm trên trước mép trái")),
        field(11, printable("01/07/2021")),
        field(12, utf8("15/03/2030")),
        field(13, sequence(utf8("Nguyễn Văn Bố"), utf8("Trần Thị Mẹ"))),
        field(14),
        field(15, printable("012345678")),
        field(16, printable("ABCDEF0123456789")),
    ]
}
