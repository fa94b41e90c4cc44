import CCCDIdentity

extension DaemonConfiguration.Scanners {
    init(_ reader: TableReader) {
        self.init()
        mode = reader.choice("mode", default: mode)
        devices = reader.tables("device").compactMap(Device.init)
        let listed = reader.contains("device")
        if mode == .explicit, !listed {
            reader.report(.missing, "device", .init(vi: "Chế độ \"explicit\" cần ít nhất một [[scanners.device]]",
                                                    en: "Mode \"explicit\" needs at least one [[scanners.device]]"))
        } else if mode != .explicit, listed {
            reader.report(.invalidValue, "mode", .init(vi: "Có [[scanners.device]] nên mode phải là \"explicit\"",
                                                       en: "[[scanners.device]] entries need mode = \"explicit\""))
        }
        reader.finish()
    }
}

extension DaemonConfiguration.Scanners.Device {
    /// Nil when the entry cannot be used; its problems are reported.
    init?(_ reader: TableReader) {
        let path = reader.absolutePath("path", default: "")
        let usb = reader.string("usb")
        let kind: Kind? = reader.string("kind").flatMap { reader.choice($0, at: reader.key.appending("kind")) }
        let suffix: Suffix = reader.choice("suffix", default: .cr)
        let baud = reader.integer("baud", default: 115_200, in: 1...4_000_000)
        defer { reader.finish() }
        if !Self.baudRates.contains(baud) {
            let rates = Self.baudRates.map(String.init).joined(separator: ", ")
            reader.report(.invalidValue, "baud", .init(vi: "Tốc độ phải là một trong: \(rates)",
                                                       en: "The rate must be one of: \(rates)"))
        }
        if !reader.contains("kind") {
            reader.report(.missing, "kind", .init(vi: "Cần \"kind\": serial, hidraw, keyboard hoặc usb-hidpos",
                                                  en: "Needs \"kind\": serial, hidraw, keyboard or usb-hidpos"))
        }
        let location: Location?
        switch (reader.contains("path"), usb) {
        case (true, nil):
            location = path.isEmpty ? nil : .path(path)
        case (false, let usb?):
            location = Self.usbLocation(usb)
            if location == nil {
                reader.report(.invalidValue, "usb", .init(vi: "Dạng \"vvvv:pppp\" (hệ 16), ví dụ \"1eab:1310\"",
                                                          en: "Written \"vvvv:pppp\" in hex, e.g. \"1eab:1310\""))
            }
        case (true, _?):
            reader.report(.invalidValue, nil, .init(vi: "Chỉ ghi một trong \"path\" hoặc \"usb\"",
                                                    en: "Give either \"path\" or \"usb\", not both"))
            location = nil
        case (false, nil):
            if !reader.contains("usb") {
                reader.report(.missing, nil, .init(vi: "Cần \"path\" hoặc \"usb\"", en: "Needs \"path\" or \"usb\""))
            }
            location = nil
        }
        guard let location, let kind else { return nil }
        var isUSB = false
        if case .usb = location { isUSB = true }
        if isUSB != (kind == .usbHIDPOS) {
            reader.report(.invalidValue, "kind", .init(vi: "\"usb\" đi với kind \"usb-hidpos\"; \"path\" với các loại khác",
                                                       en: "\"usb\" goes with kind \"usb-hidpos\", \"path\" with the others"))
            return nil
        }
        if kind != .serial, reader.contains("suffix") || reader.contains("baud") {
            reader.report(.invalidValue, reader.contains("suffix") ? "suffix" : "baud", .init(
                vi: "\"suffix\" và \"baud\" chỉ dùng cho kind \"serial\"",
                en: "\"suffix\" and \"baud\" apply to kind \"serial\" only"))
        }
        self.init(location: location, kind: kind, suffix: suffix, baud: baud)
    }

    static func usbLocation(_ text: String) -> Location? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isHexDigit) }),
              let vendor = UInt16(parts[0], radix: 16), let product = UInt16(parts[1], radix: 16) else { return nil }
        return .usb(vendor: vendor, product: product)
    }
}

extension DaemonConfiguration.Readers {
    init(_ reader: TableReader) {
        self.init()
        include = reader.strings("include", default: include)
        exclude = reader.strings("exclude", default: exclude)
        readTimeout = reader.seconds("read-timeout-seconds", default: readTimeout, in: 1...600)
        reader.finish()
    }
}

extension DaemonConfiguration.Chip {
    init(_ reader: TableReader) {
        self.init()
        let groups = reader.integers("data-groups", default: dataGroups)
        var valid = true
        for (index, group) in groups.enumerated() where !(1...16).contains(group) {
            valid = false
            reader.log.report(.outOfRange, at: reader.key.appending("data-groups").appending(index: index),
                              .init(vi: "Nhóm dữ liệu từ 1 đến 16", en: "Data groups are 1 to 16"))
        }
        if valid, !reader.reportDuplicates("data-groups", groups) { dataGroups = groups }
        photo = reader.boolean("photo", default: photo)
        activeAuthentication = reader.boolean("active-authentication", default: activeAuthentication)
        chipAuthentication = reader.boolean("chip-authentication", default: chipAuthentication)
        reader.finish()
    }
}

extension DaemonConfiguration.Verification {
    init(_ reader: TableReader) {
        self.init()
        trustStore = reader.absolutePath("trust-store", default: trustStore)
        unknownIssuer = reader.choice("unknown-issuer", default: unknownIssuer)
        let names = reader.strings("required-checks", default: requiredChecks.map(\.rawValue))
        let checks: [Check] = names.enumerated().compactMap { index, name in
            reader.choice(name, at: reader.key.appending("required-checks").appending(index: index))
        }
        if checks.count == names.count, !reader.reportDuplicates("required-checks", checks) { requiredChecks = checks }
        reader.finish()
    }
}
