/// Windows-1252, the code page of `Alt+0NNN` runs.
///
/// 0x00–0x7F is ASCII and 0xA0–0xFF is Latin-1; only 0x80–0x9F differ from Unicode. It has no
/// ă, đ, ơ, ư nor any letter with a dot below or hook above, which is why a CCCD payload typed
/// through a CP1252 wedge always loses letters.
enum WindowsCodePage1252 {
    /// nil for the five undefined positions (0x81, 0x8D, 0x8F, 0x90, 0x9D) and values above 0xFF.
    static func scalar(_ value: Int) -> Unicode.Scalar? {
        switch value {
        case 0x80...0x9F:
            let mapped = high[value - 0x80]
            return mapped == 0 ? nil : Unicode.Scalar(mapped)
        case 0...0xFF:
            return Unicode.Scalar(UInt8(value))
        default:
            return nil
        }
    }

    private static let high: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
