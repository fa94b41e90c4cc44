import Crypto
public import Foundation

/// The only form in which an ID number enters the ledger: HMAC-SHA256 under the site's secret,
/// hex encoded. Repeat visits can be counted; without the secret nobody can test a guessed ID
/// number against the ledger (a plain hash of a 12-digit number would be brute-forced in minutes).
public struct SubjectPseudonym: Sendable, Hashable, Codable {
    /// 64 lowercase hex digits.
    public let hex: String

    init(hex: String) { self.hex = hex }
}

/// Derives ``SubjectPseudonym``s from ID numbers with a per-site secret (decree 13/2023/NĐ-CP:
/// pseudonymised data, the key kept apart from the data).
public struct SubjectPseudonymizer: Sendable {
    private let key: SymmetricKey

    /// `secret` must be at least 16 bytes of random data, kept outside the ledger file.
    public init(secret: Data) throws(LedgerError) {
        guard secret.count >= 16 else { throw LedgerError(.siteSecretTooShort) }
        key = SymmetricKey(data: secret)
    }

    /// Loads the site secret from `path` (raw bytes), creating 32 random bytes there (mode 0600)
    /// when `create` and it is absent — the same rule as the device key. Every kiosk of a site
    /// should be given the same file so repeat visits are counted across kiosks.
    public init(secretFile path: String, create: Bool) throws(LedgerError) {
        guard let secret = SecretFile.load(path, create: create, fresh: { SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) } })
        else { throw LedgerError(.siteSecretUnreadable, diagnostic: path) }
        try self.init(secret: secret)
    }

    /// The pseudonym of `idNumber` after normalisation: spaces, dots and dashes dropped, letters
    /// upper-cased, so `001 234-567.890` and `001234567890` are the same person.
    public func pseudonym(of idNumber: String) -> SubjectPseudonym {
        let normalised = String(idNumber.unicodeScalars.filter { ![" ", "-", ".", "\t"].contains($0) }).uppercased()
        let mac = HMAC<SHA256>.authenticationCode(for: Data(normalised.utf8), using: key)
        return SubjectPseudonym(hex: Data(mac).hexString)
    }
}

extension Data {
    /// Lowercase hex, two digits per byte.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses lowercase or uppercase hex; nil on any other character or an odd length.
    init?(hexString: String) {
        let bytes = Array(hexString.utf8)
        guard bytes.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out = Data(capacity: bytes.count / 2)
        var index = 0
        while index < bytes.count {
            guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        self = out
    }
}
