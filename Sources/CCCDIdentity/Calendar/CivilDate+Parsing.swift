/// The textual forms dates take on Vietnamese documents and in ICAO machine-readable zones.
extension CivilDate {
    /// `DDMMYYYY`, as in the CCCD QR payload (`15031990`).
    public init?(compactDMY text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 8,
              let day = Digits.value(bytes[0..<2]),
              let month = Digits.value(bytes[2..<4]),
              let year = Digits.value(bytes[4..<8])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `dd/mm/yyyy`, as printed on cards and used by the BHYT QR and the BHXH gateway.
    public init?(slashedDMY text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/"),
              let day = Digits.value(bytes[0..<2]),
              let month = Digits.value(bytes[3..<5]),
              let year = Digits.value(bytes[6..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Digits.value(bytes[0..<4]),
              let month = Digits.value(bytes[5..<7]),
              let day = Digits.value(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
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
}
