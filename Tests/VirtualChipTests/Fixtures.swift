import CCCDIdentity
import ChipProtocol
import Foundation
import ICAOCrypto
import Testing
@testable import VirtualChip

/// Invented card holders and test material made by independent tools (openssl, ImageMagick).
enum Fixtures {
    /// The spec's invented sample: MRZ `IDVNM1900001230001190000123<<1 / 9003152F3003150VNM…`.
    static let holder = ChipHolder(
        personalID: PersonalID("001190000123")!, fullName: "Nguyễn Thị Mẫu",
        dateOfBirth: CivilDate(year: 1990, month: 3, day: 15)!, sex: .female,
        placeOfOrigin: "Xã Mẫu Sơn, Huyện Thử, Hà Nội",
        placeOfResidence: "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội",
        issueDate: CivilDate(year: 2021, month: 7, day: 1)!,
        expiry: .on(CivilDate(year: 2030, month: 3, day: 15)!),
        father: "Nguyễn Văn Bố", mother: "Trần Thị Mẹ", oldIDNumber: "012345678"
    )

    static let can = "000123"

    /// EF.CardAccess of real CCCDs (cccd.md §3.1).
    static let realCardAccess = hex("""
        3134 300D060804007F00070202020201 01 300F060A04007F000702020302020201 01
        3012060A04007F0007020204020202010202010D
        """)

    /// Keys generated once per test run by the `openssl` command-line tool.
    static let rsa1024PEM = openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"])
    static let rsa2048PEM = openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])
    static let p256PEM = openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"])
    static let brainpoolPEM = openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:brainpoolP256r1"])

    /// A small grey JPEG portrait and a large noisy one (over 32 KiB, for odd-INS reads).
    static let smallPhoto = imageMagick(["-size", "120x160", "xc:gray", "jpg:-"])
    static let largePhoto = imageMagick(["-size", "170x170", "xc:", "+noise", "Random", "-quality", "90", "jpg:-"])

    static func configuration(
        photo: [UInt8]? = smallPhoto, aaKeyPEM: String? = rsa1024PEM, caKeyPEM: String? = brainpoolPEM,
        options: ChipOptions = ChipOptions()
    ) throws -> VirtualChipConfiguration {
        VirtualChipConfiguration(
            holder: holder, photo: photo,
            activeAuthenticationKey: try aaKeyPEM.map { try SigningKey(pem: $0) },
            chipAuthenticationKey: try caKeyPEM.map { try SigningKey(pem: $0) },
            options: options
        )
    }

    static func chip(
        photo: [UInt8]? = smallPhoto, aaKeyPEM: String? = rsa1024PEM, caKeyPEM: String? = brainpoolPEM,
        options: ChipOptions = ChipOptions()
    ) throws -> InProcessTransport {
        let chip = try VirtualCCCDChip(configuration: try configuration(photo: photo, aaKeyPEM: aaKeyPEM, caKeyPEM: caKeyPEM, options: options))
        chip.powerOn()
        return InProcessTransport(chip: chip)
    }

    static func options(_ change: (inout ChipOptions) -> Void) -> ChipOptions {
        var options = ChipOptions()
        change(&options)
        return options
    }

    static func run(_ tool: String, _ arguments: [String]) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            preconditionFailure("cannot run \(tool): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "\(tool) \(arguments) failed")
        return [UInt8](data)
    }

    private static func openssl(_ arguments: [String]) -> String {
        String(decoding: run("openssl", arguments), as: UTF8.self)
    }

    private static func imageMagick(_ arguments: [String]) -> [UInt8] {
        run("convert", arguments)
    }
}

func hex(_ text: String) -> [UInt8] {
    if let bytes = [UInt8](hexString: text) { return bytes }
    preconditionFailure("malformed hex literal: \(text)")
}

/// The reader's view of a secure channel: protect, transmit, unprotect — with ChipProtocol's
/// reader-side secure messaging, so the chip is checked against independent code.
struct SecureChannel {
    let transport: any APDUTransport
    var session: any SecureMessaging

    mutating func send(_ command: CommandAPDU) async throws -> ResponseAPDU {
        let protected = try session.protect(command)
        return try session.unprotect(try ResponseAPDU(encoded: try await transport.transmit(try protected.encoded())))
    }

    /// SELECT by file id, then the header, then exactly the rest in `chunk`-byte reads.
    mutating func readFile(_ fileID: UInt16, chunk: Int = 0xDF) async throws -> [UInt8] {
        let select = try await send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [UInt8(fileID >> 8), UInt8(fileID & 0xFF)]))
        guard select.status.isSuccess else { throw UnexpectedStatus(status: select.status) }
        var contents = try await read(offset: 0, length: 6)
        let total = try TLVHeader(decoding: contents).totalLength
        while contents.count < total {
            contents += try await read(offset: contents.count, length: min(chunk, total - contents.count))
        }
        return contents
    }

    mutating func read(offset: Int, length: Int) async throws -> [UInt8] {
        let answer = try await send(CommandAPDU(ins: 0xB0, p1: UInt8(offset >> 8), p2: UInt8(offset & 0xFF), expectedLength: length))
        guard answer.status.isSuccess || answer.status == .endOfFileReached else { throw UnexpectedStatus(status: answer.status) }
        return answer.data
    }
}

struct UnexpectedStatus: Error, CustomStringConvertible {
    let status: StatusWord
    var description: String { "unexpected status \(status)" }
}

/// Access paths the reader code in ChipProtocol offers, run against the virtual chip.
enum Access {
    static func cardAccess(_ transport: any APDUTransport) async throws -> [UInt8] {
        let select = try await transport.transmit(hex("00A4020C02011C"))
        guard select == [0x90, 0x00] else { throw UnexpectedStatus(status: StatusWord(sw1: select[select.count - 2], sw2: select[select.count - 1])) }
        var contents: [UInt8] = []
        var total = 4
        while contents.count < total {
            let answer = try ResponseAPDU(encoded: try await transport.transmit(
                try CommandAPDU(ins: 0xB0, p1: UInt8(contents.count >> 8), p2: UInt8(contents.count & 0xFF), expectedLength: min(0xDF, total - contents.count)).encoded()
            ))
            guard answer.status.isSuccess || answer.status == .endOfFileReached, !answer.data.isEmpty else { throw UnexpectedStatus(status: answer.status) }
            contents += answer.data
            total = try TLVHeader(decoding: contents).totalLength
        }
        return contents
    }

    static func selectApplication(_ transport: any APDUTransport) async throws {
        let answer = try await transport.transmit(hex("00A4040C07A0000002471001"))
        #expect(answer == [0x90, 0x00])
    }

    static func pace(_ transport: any APDUTransport, password: PACEPassword = .can(Fixtures.can)) async throws -> SecureChannel {
        let infos = try SecurityInfos(berEncoded: try await cardAccess(transport))
        let info = try #require(infos.paceInfos.first)
        let result = try await PACE(info: info, password: password).establish(over: transport)
        // After PACE the application is selected under secure messaging (a plain APDU would end it).
        var channel = SecureChannel(transport: transport, session: result.secureMessaging)
        let select = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x04, p2: 0x0C, data: ChipFileSystem.applicationIdentifier))
        #expect(select.status == .success)
        return channel
    }

    static func bac(_ transport: any APDUTransport) async throws -> SecureChannel {
        try await selectApplication(transport)
        let material = try #require(Fixtures.holder.bacKeyMaterial)
        let mrz = try MRZInformation(documentNumber: material.documentNumber, dateOfBirth: material.dateOfBirth, dateOfExpiry: material.dateOfExpiry)
        let session = try await BasicAccessControl(mrz: mrz).establish(over: transport)
        return SecureChannel(transport: transport, session: session)
    }
}
