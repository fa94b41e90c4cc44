import CCCDIdentity

extension DaemonConfiguration.Site {
    init(_ reader: TableReader, purpose: DaemonConfiguration.Purpose) {
        self.init()
        facility = reader.string("facility", default: facility)
        if !TableReader.isDigits(facility, count: 5) {
            reader.report(.invalidValue, "facility", .init(vi: "Mã cơ sở KCB (maCSKCB) gồm đúng 5 chữ số",
                                                           en: "The facility code (maCSKCB) is exactly 5 digits"))
            facility = Self.placeholderFacility
        } else if purpose == .production, facility == Self.placeholderFacility {
            reader.report(.missing, "facility", .init(vi: "Cần điền mã cơ sở KCB (maCSKCB) của bệnh viện",
                                                      en: "Fill in the facility's code (maCSKCB)"))
        }
        let kioskName = reader.string("kiosk", default: kiosk)
        if !kioskName.isEmpty, kioskName.count <= 64,
           kioskName.unicodeScalars.allSatisfy({ TextCursor.isBareKeyScalar($0) || $0 == "." }) {
            kiosk = kioskName
        } else {
            reader.report(.invalidValue, "kiosk", .init(vi: "Tên kiosk gồm 1–64 ký tự A-Z a-z 0-9 . _ -",
                                                        en: "The kiosk name is 1–64 of A-Z a-z 0-9 . _ -"))
        }
        if let offsetText = reader.string("utc-offset") {
            if let offset = Self.offset(offsetText) {
                utcOffset = offset
            } else {
                reader.report(.invalidValue, "utc-offset", .init(vi: "Dạng \"+07:00\" (từ -12:00 đến +14:00)",
                                                                 en: "Written \"+07:00\" (from -12:00 to +14:00)"))
            }
        }
        language = reader.choice("language", default: language)
        reader.finish()
    }

    /// `±HH:MM` within the offsets the world uses.
    static func offset(_ text: String) -> Duration? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 6, scalars[0] == "+" || scalars[0] == "-", scalars[3] == ":",
              let hours = Int(String(text.dropFirst().prefix(2))), let minutes = Int(String(text.suffix(2))),
              String(text.dropFirst().prefix(2)).allSatisfy(\.isNumber), String(text.suffix(2)).allSatisfy(\.isNumber),
              minutes < 60 else { return nil }
        let seconds = (hours * 60 + minutes) * 60 * (scalars[0] == "-" ? -1 : 1)
        guard (-12 * 3600)...(14 * 3600) ~= seconds else { return nil }
        return .seconds(seconds)
    }
}

extension DaemonConfiguration.Log {
    init(_ reader: TableReader) {
        self.init()
        level = reader.choice("level", default: level)
        reader.finish()
    }
}
