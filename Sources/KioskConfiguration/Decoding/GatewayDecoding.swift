import CCCDIdentity

extension DaemonConfiguration.Gateway {
    init(_ reader: TableReader, purpose: DaemonConfiguration.Purpose) {
        self.init()
        let names = reader.strings("chain", default: chain.map(\.rawValue))
        let adapters: [Adapter] = names.enumerated().compactMap { index, name in
            reader.choice(name, at: reader.key.appending("chain").appending(index: index))
        }
        if adapters.count == names.count { chain = Self.checkedChain(adapters, reader) ?? chain }
        cacheWindow = reader.seconds("cache-window-seconds", default: cacheWindow, in: 0...3600)
        failureThreshold = reader.integer("failure-threshold", default: failureThreshold, in: 1...100)
        openDuration = reader.seconds("open-seconds", default: openDuration, in: 1...3600)

        let bhxhReader = reader.table("bhxh")
        // The account and staff identity are required only when the chain asks BHXH at all.
        bhxh = BHXH(bhxhReader, purpose: chain.contains(.bhxh) ? purpose : .demo)
        if chain.contains(.bhxh), purpose == .production, !bhxhReader.isPresent {
            bhxhReader.report(.missing, nil, .init(vi: "Chuỗi tra cứu có \"bhxh\" nên cần mục [gateway.bhxh]",
                                                   en: "The chain has \"bhxh\", so [gateway.bhxh] is required"))
        }
        let hisReader = reader.table("his")
        if hisReader.isPresent {
            his = HIS(hisReader)
        } else if chain.contains(.his) {
            hisReader.report(.missing, nil, .init(vi: "Chuỗi tra cứu có \"his\" nên cần mục [gateway.his]",
                                                  en: "The chain has \"his\", so [gateway.his] is required"))
        }
        reader.finish()
    }

    private static func checkedChain(_ adapters: [Adapter], _ reader: TableReader) -> [Adapter]? {
        guard !adapters.isEmpty else {
            reader.report(.invalidValue, "chain", .init(vi: "Cần ít nhất một nguồn tra cứu",
                                                        en: "Needs at least one adapter"))
            return nil
        }
        guard !reader.reportDuplicates("chain", adapters) else { return nil }
        if let offline = adapters.firstIndex(of: .offline), offline != adapters.count - 1 {
            reader.log.report(.invalidValue, at: reader.key.appending("chain").appending(index: offline), .init(
                vi: "\"offline\" luôn trả lời nên chỉ được đứng cuối",
                en: "\"offline\" always answers, so it can only be last"))
            return nil
        }
        return adapters
    }
}

extension DaemonConfiguration.Gateway.BHXH {
    init(_ reader: TableReader, purpose: DaemonConfiguration.Purpose) {
        self.init()
        baseURL = reader.url("base-url", httpsUnlessLoopback: true) ?? baseURL
        username = reader.string("username", default: username)
        password = reader.secretReference("password", default: password)
        staffName = reader.string("staff-name", default: staffName)
        staffID = reader.string("staff-id", default: staffID)
        if !staffID.isEmpty, !TableReader.isDigits(staffID, count: 12) {
            reader.report(.invalidValue, "staff-id", .init(vi: "Số CCCD của nhân viên gồm đúng 12 chữ số",
                                                           en: "The staff member's CCCD number is exactly 12 digits"))
            staffID = ""
        }
        requestTimeout = reader.seconds("request-timeout-seconds", default: requestTimeout, in: 1...120)
        if reader.isPresent {
            reader.require("username", username, purpose: purpose,
                           what: .init(vi: "tài khoản cổng BHXH", en: "the BHXH gateway account"))
            reader.require("staff-name", staffName, purpose: purpose,
                           what: .init(vi: "họ tên nhân viên tra cứu", en: "the looking-up staff member's name"))
            reader.require("staff-id", staffID, purpose: purpose,
                           what: .init(vi: "số CCCD của nhân viên tra cứu", en: "the staff member's CCCD number"))
        }
        reader.finish()
    }
}

extension DaemonConfiguration.Gateway.HIS {
    init?(_ reader: TableReader) {
        let url = reader.url("base-url", httpsUnlessLoopback: false)
        if !reader.contains("base-url") {
            reader.report(.missing, "base-url", .init(vi: "Cần địa chỉ HIS (base-url)", en: "Needs the HIS address (base-url)"))
        }
        let path = reader.string("path", default: "bhyt")
        let timeout = reader.seconds("request-timeout-seconds", default: .seconds(15), in: 1...120)
        let fields = Self.fields(reader.table("fields"))
        let signingReader = reader.table("signing")
        let signing = signingReader.isPresent ? Signing(signingReader) : nil
        reader.finish()
        guard let url else { return nil }
        self.init(baseURL: url)
        self.path = path
        requestTimeout = timeout
        self.fields = fields
        self.signing = signing
    }

    private static func fields(_ reader: TableReader) -> [String: String] {
        var fields: [String: String] = [:]
        for name in reader.givenNames where fieldNames.contains(name) {
            guard let path = reader.string(name) else { continue }
            if path.isEmpty || path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                reader.report(.invalidValue, name, .init(vi: "Đường dẫn dạng \"KET_QUA.MA_THE\"",
                                                         en: "A dotted path such as \"KET_QUA.MA_THE\""))
            } else {
                fields[name] = path
            }
        }
        reader.finish()
        return fields
    }
}

extension DaemonConfiguration.Gateway.HIS.Signing {
    init?(_ reader: TableReader) {
        let merchant = reader.string("merchant-id", default: "")
        let secret = reader.secretReference("secret", default: Self(merchantID: "").secret)
        defer { reader.finish() }
        guard !merchant.isEmpty else {
            reader.report(.missing, "merchant-id", .init(vi: "Cần mã merchant-id", en: "Needs merchant-id"))
            return nil
        }
        self.init(merchantID: merchant)
        self.secret = secret
    }
}
