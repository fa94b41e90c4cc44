@testable import CCCDIdentity

/// The spec's invented sample people (cccd.md §1) and helpers to vary them.
enum Fixtures {
    static let mau2021 =
        "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"
    static let thu2024 =
        "079205000456||Trần Văn Thử|20112005|Nam|Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh|15082024||||"

    /// `mau2021` with field `index` replaced.
    static func mau(replacing index: Int, with value: String) -> String {
        var fields = mau2021.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        fields[index] = value
        return fields.joined(separator: "|")
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    /// Parses and expects a CCCD result.
    static func citizen(_ text: String) throws -> CitizenQR {
        guard case .cccd(let qr) = try ScannedQR.parse(text) else { throw FixtureError.wrongKind }
        return qr
    }

    static func citizen(bytes: [UInt8]) throws -> CitizenQR {
        guard case .cccd(let qr) = try ScannedQR.parse(bytes: bytes) else { throw FixtureError.wrongKind }
        return qr
    }

    static func bhyt(_ text: String) throws -> BHYTCardQR {
        guard case .bhyt(let qr) = try ScannedQR.parse(text) else { throw FixtureError.wrongKind }
        return qr
    }

    /// The error `text` is rejected with, or `nil` when it parses.
    static func error(_ text: String) -> QRPayloadError? {
        do {
            _ = try ScannedQR.parse(text)
            return nil
        } catch {
            return error
        }
    }

    static func error(bytes: [UInt8]) -> QRPayloadError? {
        do {
            _ = try ScannedQR.parse(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    enum FixtureError: Error { case wrongKind }
}
