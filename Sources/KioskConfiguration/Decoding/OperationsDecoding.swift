import Foundation
import CCCDIdentity

extension DaemonConfiguration.Ledger {
    init(_ reader: TableReader) {
        self.init()
        path = reader.absolutePath("path", default: path)
        deviceKeyFile = reader.absolutePath("device-key-file", default: deviceKeyFile)
        siteKey = reader.secretReference("site-key", default: siteKey)
        retentionDays = reader.integer("retention-days", default: retentionDays, in: 0...36_500)
        let minutes = reader.integer("checkpoint-interval-minutes", default: 60, in: 1...1440)
        checkpointInterval = .seconds(minutes * 60)
        reader.finish()
    }
}

extension DaemonConfiguration.Recheck {
    init(_ reader: TableReader) {
        self.init()
        interval = reader.seconds("interval-seconds", default: interval, in: 1...3600)
        firstDelay = reader.seconds("first-delay-seconds", default: firstDelay, in: 0...86_400)
        maxDelay = reader.seconds("max-delay-seconds", default: maxDelay, in: 1...86_400)
        maxAttempts = reader.integer("max-attempts", default: maxAttempts, in: 1...1000)
        if maxDelay < firstDelay {
            reader.report(.invalidValue, "max-delay-seconds", .init(
                vi: "Không được nhỏ hơn first-delay-seconds", en: "Must not be less than first-delay-seconds"))
            maxDelay = firstDelay
        }
        reader.finish()
    }
}

extension DaemonConfiguration.Session {
    init(_ reader: TableReader) {
        self.init()
        joinWindow = reader.seconds("join-window-seconds", default: joinWindow, in: 1...300)
        hold = reader.seconds("hold-seconds", default: hold, in: 0...3600)
        reader.finish()
    }
}

extension DaemonConfiguration.HTTP {
    init(_ reader: TableReader) {
        self.init()
        if let listen = reader.string("listen") {
            if let address = NetworkAddress.listenAddress(listen) {
                (host, port) = address
            } else {
                reader.report(.invalidValue, "listen", .init(
                    vi: "Dạng \"127.0.0.1:7480\" hoặc \"[::1]:7480\" (cổng 0…65535)",
                    en: "Written \"127.0.0.1:7480\" or \"[::1]:7480\" (port 0…65535)"))
            }
        }
        allowNonLoopback = reader.boolean("allow-non-loopback", default: allowNonLoopback)
        if !NetworkAddress.isLoopback(host), !allowNonLoopback {
            reader.report(.invalidValue, "listen", .init(
                vi: "Địa chỉ không phải máy cục bộ cần allow-non-loopback = true (trang hiển thị dữ liệu cá nhân)",
                en: "A non-loopback address needs allow-non-loopback = true (the page shows personal data)"))
        }
        let origins = reader.strings("allowed-origins", default: allowedOrigins)
        var valid = true
        for (index, origin) in origins.enumerated() where !Self.isOrigin(origin) {
            valid = false
            reader.log.report(.invalidValue, at: reader.key.appending("allowed-origins").appending(index: index), .init(
                vi: "Nguồn chính xác dạng \"https://may.benhvien.vn\" (không dùng \"*\")",
                en: "An exact origin such as \"https://kiosk.hospital.vn\" (\"*\" is not allowed)"))
        }
        if valid { allowedOrigins = origins }
        socket = reader.absolutePath("socket", default: socket)
        tokenFile = reader.absolutePath("token-file", default: tokenFile)
        reader.finish()
    }

    /// `scheme://host[:port]` and nothing more: origins are compared exactly by browsers.
    static func isOrigin(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty,
              components.path.isEmpty, components.query == nil, components.fragment == nil,
              components.user == nil else { return false }
        return true
    }
}
