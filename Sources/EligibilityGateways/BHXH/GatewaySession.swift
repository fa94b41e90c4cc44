import Foundation

/// A logged-in token, with its expiry translated onto the kiosk's own clock.
struct GatewaySession: Sendable, Equatable {
    var accessToken: String
    var idToken: String
    var username: String
    /// When the token lapses, by the kiosk's clock (see ``ExpiryTime/localExpiry``).
    var expiresAt: Date
    /// The tokens percent-encoded for the query string, once per login rather than per lookup.
    var encodedAccessToken: String
    var encodedIDToken: String

    init(accessToken: String, idToken: String, username: String, expiresAt: Date) {
        self.accessToken = accessToken
        self.idToken = idToken
        self.username = username
        self.expiresAt = expiresAt
        encodedAccessToken = SessionKeeper.formEncoded(accessToken)
        encodedIDToken = SessionKeeper.formEncoded(idToken)
    }

    func isUsable(at now: Date, margin: Duration) -> Bool {
        now.addingTimeInterval(margin.seconds) < expiresAt
    }
}

/// Reads `expires_in`, which despite its name is an absolute UTC instant with 7 fractional digits
/// (`2017-11-13T03:51:20.1047187Z`). Tolerates other digit counts, no fraction, no zone (UTC is
/// assumed) and `±HH:MM` offsets, since clients in the wild see variations [?].
enum ExpiryTime {
    static func parse(_ text: String) -> Date? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var offsetSeconds = 0
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            rest = rest.dropLast()
        } else if rest.count > 6, let sign = rest.dropLast(5).last, sign == "+" || sign == "-",
                  rest.suffix(3).first == ":" {
            let zone = rest.suffix(5)
            guard let hours = Int(zone.prefix(2)), let minutes = Int(zone.suffix(2)) else { return nil }
            offsetSeconds = (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60)
            rest = rest.dropLast(6)
        }
        let pieces = rest.split(separator: ".", maxSplits: 1)
        guard let main = pieces.first else { return nil }
        var fraction = 0.0
        if pieces.count == 2 {
            guard pieces[1].allSatisfy(\.isASCII), let digits = Double("0." + pieces[1]) else { return nil }
            fraction = digits
        }
        let fields = main.split(whereSeparator: { "-T:".contains($0) }).map { Int($0) }
        guard fields.count == 6, let year = fields[0], let month = fields[1], let day = fields[2],
              let hour = fields[3], let minute = fields[4], let second = fields[5]
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    /// Moves the server's expiry onto the kiosk clock using the response's `Date` header, so a kiosk
    /// whose clock runs fast does not think every token is already stale (and log in per lookup).
    static func localExpiry(serverExpiry: Date, serverDate: Date?, localNow: Date) -> Date {
        guard let serverDate else { return serverExpiry }
        return localNow.addingTimeInterval(serverExpiry.timeIntervalSince(serverDate))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
