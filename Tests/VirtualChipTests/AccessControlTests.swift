import CCCDIdentity
import ChipProtocol
import Testing
@testable import VirtualChip

/// BAC and PACE run by the reader code in ChipProtocol against the chip, then secure reads.
@Suite struct AccessControlTests {
    @Test func bacThenTripleDESReadsOfCOMAndDG1() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.bac(transport)
        #expect(channel.session.cipher == .tripleDES)
        let com = try await channel.readFile(0x011E)
        #expect(com == transport.chip.files.efCOM)
        let tags = try TLV(decoding: com, expectedTag: 0x60).children().required(tag: 0x5C).value
        #expect(tags == [0x61, 0x75, 0x63, 0x6D, 0x6E, 0x6F])
        let dg1 = try await channel.readFile(0x0101)
        let mrz = try TLV(decoding: dg1, expectedTag: 0x61).children().required(tag: 0x5F1F).value
        #expect(String(decoding: mrz, as: UTF8.self) == "IDVNM1900001230001190000123<<19003152F3003150VNM<<<<<<<<<<<8NGUYEN<<THI<MAU<<<<<<<<<<<<<<<")
    }

    @Test func bacWithAWrongExpiryIsDenied() async throws {
        let transport = try Fixtures.chip()
        try await Access.selectApplication(transport)
        let mrz = try MRZInformation(documentNumber: "190000123", dateOfBirth: "900315", dateOfExpiry: "991231")
        await #expect(throws: BACError(.accessDenied, diagnostic: "6300 (verification failed)")) {
            _ = try await BasicAccessControl(mrz: mrz).establish(over: transport)
        }
    }

    @Test func paceGMBrainpoolWithTheCANThenAESReads() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.pace(transport)
        #expect(channel.session.cipher == .aes128)
        #expect(try await channel.readFile(0x011E) == transport.chip.files.efCOM)
        #expect(try await channel.readFile(0x0101) == transport.chip.files.genuineDataGroups[1])
        let dg13 = try await channel.readFile(0x010D)
        #expect(dg13 == transport.chip.files.genuineDataGroups[13])
        // PACE is five APDUs after the two that read EF.CardAccess.
        #expect(transport.traffic.commands > 7)
    }

    @Test func wrongCANIsAWrongPasswordAtMutualAuthentication() async throws {
        let transport = try Fixtures.chip()
        do {
            _ = try await Access.pace(transport, password: .can("999999"))
            Issue.record("PACE succeeded with a wrong CAN")
        } catch let error as PACEError {
            #expect(error.reason == .wrongPassword)
            #expect(error.diagnostic?.hasPrefix("mutualAuthentication: 6300") == true)
        }
        // The chip is still usable: the right CAN opens it next.
        var channel = try await Access.pace(transport)
        #expect(try await channel.readFile(0x011E) == transport.chip.files.efCOM)
    }

    @Test func bacAfterPACEReplacesTheSession() async throws {
        let transport = try Fixtures.chip()
        var pace = try await Access.pace(transport)
        _ = try await pace.readFile(0x011E)
        var bac = try await Access.bac(transport)  // plain SELECT and GET CHALLENGE end PACE's session
        #expect(try await bac.readFile(0x0101) == transport.chip.files.genuineDataGroups[1])
        await #expect(throws: SecureMessagingError.self) {
            _ = try await pace.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 4))
        }
    }

    @Test func paceWithTheMRZPassword() async throws {
        let transport = try Fixtures.chip()
        let material = try #require(Fixtures.holder.bacKeyMaterial)
        let mrz = try MRZInformation(value: material.mrzInformation)
        var channel = try await Access.pace(transport, password: .mrz(mrz))
        #expect(try await channel.readFile(0x0101) == transport.chip.files.genuineDataGroups[1])
    }

    /// (parameter id, mapping, cipher): NIST and brainpool curves, DH, IM, 3DES and AES-256.
    static let variants: [(Int, ChipOptions.Mapping, ChipOptions.CipherName)] = [
        (12, .generic, .aes128), (15, .generic, .aes256), (13, .generic, .tripleDES), (2, .generic, .aes128),
        (13, .integrated, .aes128), (12, .integrated, .aes192), (0, .integrated, .tripleDES),
    ]

    @Test(arguments: variants.indices)
    func paceVariants(index: Int) async throws {
        let (parameterID, mapping, cipher) = Self.variants[index]
        let transport = try Fixtures.chip(options: Fixtures.options {
            $0.paceParameterID = parameterID
            $0.paceMapping = mapping
            $0.paceCipher = cipher
        })
        var channel = try await Access.pace(transport)
        #expect(channel.session.cipher == cipher.algorithm)
        #expect(try await channel.readFile(0x010D) == transport.chip.files.genuineDataGroups[13])
    }

    @Test func setATWithoutParameterIDIsAcceptedUnlessTheProfileRequiresIt() async throws {
        let command = hex("0022C1A40F800A04007F00070202040202830102")
        #expect(try await Fixtures.chip().transmit(command) == [0x90, 0x00])
        let strict = try Fixtures.chip(options: Fixtures.options { $0.requireParameterID = true })
        #expect(try await strict.transmit(command) == [0x6A, 0x87])
        // Unknown protocol OID, wrong parameter id, PIN reference.
        #expect(try await strict.transmit(hex("0022C1A412800A04007F00070202040201830102840110")).hexString == "6A80")
        #expect(try await strict.transmit(hex("0022C1A412800A04007F0007020204020283010284010C")).hexString == "6A80")
        #expect(try await strict.transmit(hex("0022C1A412800A04007F0007020204020283010384010D")).hexString == "6A88")
    }
}
