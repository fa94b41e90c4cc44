import CCCDIdentity
import ChipProtocol
import Foundation
import ICAOCrypto
import VirtualChip

/// Virtual CCCDs for the end-to-end reads: the invented sample citizen, keys made by the
/// `openssl` tool, portraits made by ImageMagick (independent producers).
enum VirtualCard {
    static let payload = "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"

    static var toolsAvailable: Bool {
        ["/usr/bin/openssl", "/usr/local/bin/convert", "/usr/bin/convert"].contains { FileManager.default.isExecutableFile(atPath: $0) }
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
    }

    static func qr(_ text: String = payload) throws -> CitizenQR {
        guard case .cccd(let qr) = try ScannedQR.parse(text) else { throw Unexpected(description: "not a CCCD QR") }
        return qr
    }

    static func holder(expiry: CardExpiry? = nil) throws -> ChipHolder {
        guard let id = PersonalID("001190000123"), let birth = CivilDate(year: 1990, month: 3, day: 15),
              let issue = CivilDate(year: 2021, month: 7, day: 1)
        else { throw Unexpected(description: "fixture dates") }
        return ChipHolder(
            personalID: id, fullName: "Nguyễn Thị Mẫu", dateOfBirth: birth, sex: .female,
            placeOfOrigin: "Xã Mẫu Sơn, Huyện Thử, Hà Nội", placeOfResidence: "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội",
            issueDate: issue, expiry: expiry, father: "Nguyễn Văn Bố", mother: "Trần Thị Mẹ", oldIDNumber: "012345678"
        )
    }

    static let rsa1024 = tool("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"])
    static let rsa2048 = tool("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])
    static let brainpool = tool("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:brainpoolP256r1"])
    static let photo = tool("convert", ["-size", "120x160", "xc:gray", "jpg:-"])
    static let largePhoto = tool("convert", ["-size", "170x170", "xc:", "+noise", "Random", "-quality", "90", "jpg:-"])

    static func transport(
        holder: ChipHolder? = nil, photo: [UInt8]? = VirtualCard.photo, aaKey: [UInt8]? = rsa1024,
        options: (inout ChipOptions) -> Void = { _ in }
    ) throws -> InProcessTransport {
        var chipOptions = ChipOptions()
        options(&chipOptions)
        let configuration = VirtualChipConfiguration(
            holder: try holder ?? Self.holder(), photo: photo,
            activeAuthenticationKey: try aaKey.map { try SigningKey(pem: String(decoding: $0, as: UTF8.self)) },
            chipAuthenticationKey: try SigningKey(pem: String(decoding: brainpool, as: UTF8.self)),
            securityObject: placeholderSecurityObject, options: chipOptions
        )
        let chip = try VirtualCCCDChip(configuration: configuration)
        chip.powerOn()
        return InProcessTransport(chip: chip)
    }

    /// An EF.SOD-shaped file of a typical size (1,600 bytes). Not signed: these tests check that
    /// the reader fetches exact bytes; signing and verifying EF.SOD is Passive Authentication's.
    static let placeholderSecurityObject: [UInt8] = {
        let value = (0..<1_596).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        return [0x77, 0x82, 0x06, 0x3C] + value
    }()

    struct Unexpected: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a tool once per test run; an empty result when it is missing (the suites are
    /// disabled then, with a SKIPPED reason).
    private static func tool(_ name: String, _ arguments: [String]) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](data) : []
    }
}

/// A virtual card in a reader that can reset it, like PC/SC's `SCardReconnect` with reset.
struct ResettingTransport: ResettableAPDUTransport {
    let base: InProcessTransport

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        try await base.transmit(command)
    }

    func resetCard() async throws {
        base.chip.reset()
    }
}
