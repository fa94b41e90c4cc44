/// The textual forms dates take on Vietnamese documents and in ICAO machine-readable zones.
extension CivilDate {
    /// `DDMMYYYY`, as in the CCCD QR payload (`15031990`).
    public init?(compactDMY text: some StringProtocol) {
        self.init(text, .compactDMY)
    }

    /// `dd/mm/yyyy`, as printed on cards and used by the BHYT QR and the BHXH gateway.
    public init?(slashedDMY text: some StringProtocol) {
        self.init(text, .slashedDMY)
    }

    /// `YYYY-MM-DD`.
    public init?(iso8601 text: some StringProtocol) {
        self.init(text, .iso8601)
    }

    /// `DDMMYYYY` — the inverse of ``init(compactDMY:)``.
    public var compactDMY: String {
        Digits.padded(day, width: 2) + Digits.padded(month, width: 2) + Digits.padded(year, width: 4)
    }

    /// `dd/mm/yyyy` — the inverse of ``init(slashedDMY:)``.
    public var slashedDMY: String {
        Digits.padded(day, width: 2) + "/" + Digits.padded(month, width: 2) + "/" + Digits.padded(year, width: 4)
    }

    /// `YYMMDD`, the ICAO 9303 MRZ form. The century is lost; see ``MRZDate`` for reading it back.
    public var yymmdd: String {
        Digits.padded(year % 100, width: 2) + Digits.padded(month, width: 2) + Digits.padded(day, width: 2)
    }

    private init?(_ text: some StringProtocol, _ layout: DateTextLayout) {
        let bytes = Array(text.utf8)
        guard bytes.count == layout.length,
              layout.separatorOffsets.allSatisfy({ bytes[$0] == layout.separator }),
              let day = Digits.value(bytes[layout.day..<(layout.day + 2)]),
              let month = Digits.value(bytes[layout.month..<(layout.month + 2)]),
              let year = Digits.value(bytes[layout.year..<(layout.year + 4)])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

/// Where the two-digit day and month and the four-digit year start in a fixed-width date text,
/// and where its separators sit.
private struct DateTextLayout {
    let day: Int
    let month: Int
    let year: Int
    let separator: UInt8
    let separatorOffsets: [Int]

    var length: Int { separatorOffsets.isEmpty ? 8 : 10 }

    static let compactDMY = DateTextLayout(day: 0, month: 2, year: 4, separator: 0, separatorOffsets: [])
    static let slashedDMY = DateTextLayout(day: 0, month: 3, year: 6, separator: UInt8(ascii: "/"), separatorOffsets: [2, 5])
    static let iso8601 = DateTextLayout(day: 8, month: 5, year: 0, separator: UInt8(ascii: "-"), separatorOffsets: [4, 7])
}
