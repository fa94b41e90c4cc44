import CCCDIdentity
import CCCDTestSupport
import ChipProtocol
import Foundation
import ICAOCrypto
import Testing
@testable import VirtualChip

/// Profile files on disk, and the data groups built from them.
@Suite struct ProfileTests {
    static let profileJSON = """
        {
          "holder": {
            "personalID": "079205000456", "fullName": "Trần Văn Thử", "dateOfBirth": "2005-11-20",
            "sex": "male", "placeOfOrigin": "Xã Minh Họa, Huyện Giả Định, Long An",
            "placeOfResidence": "Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh",
            "issueDate": "2024-08-15", "father": "Trần Văn Cha", "mother": "Lê Thị Mẹ",
            "field16": "ABCDEFGH12345678"
          },
          "photo": "face.jpg",
          "activeAuthenticationKey": "aa.pem",
          "chipAuthenticationKey": "keys/ca.pem",
          "options": { "parentsLayout": "separate", "maxLe": 160 }
        }
        """

    @Test func aProfileFileWithRelativePathsMakesAReadableCard() async throws {
        try await withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("keys"), withIntermediateDirectories: true)
            try Data(Fixtures.smallPhoto).write(to: folder.appendingPathComponent("face.jpg"))
            try Fixtures.p256PEM.write(to: folder.appendingPathComponent("aa.pem"), atomically: true, encoding: .utf8)
            try Fixtures.brainpoolPEM.write(to: folder.appendingPathComponent("keys/ca.pem"), atomically: true, encoding: .utf8)
            let path = folder.appendingPathComponent("profile.json")
            try Self.profileJSON.write(to: path, atomically: true, encoding: .utf8)

            let chip = try VirtualCCCDChip(profilePath: path.path)
            chip.powerOn()
            let transport = InProcessTransport(chip: chip)
            var channel = try await Access.pace(transport, password: .can("000456"))
            let fields = try Self.dg13Fields(try await channel.readFile(0x010D))
            #expect(try Self.strings(fields[2]) == ["Trần Văn Thử"])
            #expect(try Self.strings(fields[3]) == ["20/11/2005"])
            #expect(try Self.strings(fields[4]) == ["Nam"])
            #expect(try Self.strings(fields[12]) == ["20/11/2030"])  // 2024 law: runs to age 25
            #expect(try Self.strings(fields[13]) == ["Trần Văn Cha", "Lê Thị Mẹ"])
            #expect(try fields[13]?.children().count == 3)  // the number, then one SEQUENCE per parent
            #expect(fields[14]?.encoded == hex("3003 02010E"))
            #expect(fields[15] == nil)
            #expect(try Self.strings(fields[16]) == ["ABCDEFGH12345678"])
            let dg2 = try await channel.readFile(0x0102)
            #expect(dg2.hexString.contains(Array(Fixtures.smallPhoto.prefix(16)).hexString))
            #expect(dg2.hexString.contains("464143003031300000"))  // "FAC\0010\0", then the length
        }
    }

    @Test func profileErrorsAreTyped() async throws {
        try await withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("none.json").path
            #expect(throws: VirtualChipError(.profileUnreadable, diagnostic: missing)) { try VirtualChipConfiguration(profilePath: missing) }
            let invalid = folder.appendingPathComponent("invalid.json")
            try #"{"holder": {"personalID": "12345"}}"#.write(to: invalid, atomically: true, encoding: .utf8)
            #expect { try VirtualChipConfiguration(profilePath: invalid.path) } throws: {
                ($0 as? VirtualChipError)?.reason == .profileInvalid
            }
            let noPhoto = folder.appendingPathComponent("nophoto.json")
            try Self.profileJSON.write(to: noPhoto, atomically: true, encoding: .utf8)
            #expect(throws: VirtualChipError(.referencedFileUnreadable, diagnostic: "face.jpg")) {
                try VirtualChipConfiguration(profilePath: noPhoto.path)
            }
        }
    }

    @Test func unsupportedPACEParametersAreRefusedUpFront() throws {
        #expect { try VirtualCCCDChip(configuration: try Fixtures.configuration(options: Fixtures.options { $0.paceParameterID = 5 })) } throws: {
            ($0 as? VirtualChipError)?.reason == .unsupportedPACEParameters
        }
        #expect { try VirtualCCCDChip(configuration: try Fixtures.configuration(caKeyPEM: Fixtures.rsa1024PEM)) } throws: {
            ($0 as? VirtualChipError)?.reason == .unsupportedChipAuthenticationKey
        }
    }

    @Test func tamperedDG13DiffersFromWhatTheSignerHashed() async throws {
        let transport = try Fixtures.chip(options: Fixtures.options { $0.tamperedDG13 = true })
        var channel = try await Access.pace(transport)
        let served = try await channel.readFile(0x010D)
        let genuine = try #require(transport.chip.files.genuineDataGroups[13])
        #expect(served == transport.chip.files.servedDataGroups[13])
        #expect(served != genuine)
        let crypto = OpenSSLCrypto()
        #expect(try crypto.hash(.sha256, served) != crypto.hash(.sha256, genuine))
        #expect(try Self.strings(Self.dg13Fields(genuine)[2]) == ["Nguyễn Thị Mẫu"])
        #expect(try await channel.readFile(0x0101) == transport.chip.files.genuineDataGroups[1])
    }

    @Test func aPreBuiltSecurityObjectIsServedAsEFSOD() async throws {
        var configuration = try Fixtures.configuration()
        configuration.securityObject = TLV(tag: 0x77, value: Array(repeating: 0xA5, count: 300)).encoded
        let chip = try VirtualCCCDChip(configuration: configuration)
        chip.powerOn()
        let transport = InProcessTransport(chip: chip)
        var channel = try await Access.pace(transport)
        #expect(try await channel.readFile(0x011D) == configuration.securityObject)
        let withoutSOD = try Fixtures.chip()
        var other = try await Access.pace(withoutSOD)
        #expect(try await other.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x1D])).status == .fileNotFound)
    }

    @Test func theProfileRoundTripsThroughJSON() throws {
        let profile = VirtualChipProfile(holder: Fixtures.holder, photo: "face.jpg", options: Fixtures.options { $0.bacOnly = true })
        let decoded = try JSONDecoder().decode(VirtualChipProfile.self, from: try JSONEncoder().encode(profile))
        #expect(decoded == profile)
    }

    /// DG13's fields by number (cccd.md §4): number → the field's SEQUENCE.
    static func dg13Fields(_ dg13: [UInt8]) throws -> [Int: TLV] {
        let body = try TLV(decoding: try TLV(decoding: dg13, expectedTag: 0x6D).value, expectedTag: 0x30).children()
        #expect(body.first?.encoded == hex("020101"))
        #expect(body.dropFirst().first?.encoded == hex("060628D316010008"))
        var fields: [Int: TLV] = [:]
        for field in try body.required(tag: 0x31).children() {
            let number = try field.children().required(tag: 0x02).value
            fields[Int(number.last ?? 0)] = field
        }
        return fields
    }

    /// Every string leaf of a field, in order (how a reader collects parents' names).
    static func strings(_ field: TLV?) throws -> [String] {
        guard let field else { return [] }
        return try field.children().flatMap { child -> [String] in
            switch child.tag {
            case 0x0C, 0x13: [String(decoding: child.value, as: UTF8.self)]
            case 0x30: try strings(child)
            default: []
            }
        }
    }
}

@Suite struct RedactionTests {
    @Test func personalDataNeverPrints() throws {
        let configuration = try Fixtures.configuration()
        let chip = try VirtualCCCDChip(configuration: configuration)
        let texts = [
            "\(Fixtures.holder)", String(reflecting: Fixtures.holder), "\(configuration)", "\(chip.files)",
            "\(VirtualChipProfile(holder: Fixtures.holder))", "\(chip)",
        ]
        for text in texts {
            #expect(!text.contains("190000123"))
            #expect(!text.contains("Mẫu") && !text.contains("MAU"))
        }
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("Mẫu") && !dumped.contains("0001"))
    }
}
