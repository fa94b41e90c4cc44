import ChipProtocol
import Testing
@testable import VirtualChip

/// The unauthenticated surface: what a reader sees before PACE or BAC.
@Suite struct CardAccessTests {
    @Test func efCardAccessIsTheRealCCCDFileAndSelectableAtMFLevel() async throws {
        let transport = try Fixtures.chip()
        #expect(try await Access.cardAccess(transport) == Fixtures.realCardAccess)
        let infos = try SecurityInfos(berEncoded: Fixtures.realCardAccess)
        #expect(infos.paceInfos.first?.parameterID == 13)
    }

    @Test func selectMasterFileAnswers6D00() async throws {
        let transport = try Fixtures.chip()
        #expect(try await transport.transmit(hex("00A4000C023F00")) == [0x6D, 0x00])
    }

    @Test func bacOnlyChipHasNoCardAccess() async throws {
        let transport = try Fixtures.chip(options: Fixtures.options { $0.bacOnly = true })
        #expect(try await transport.transmit(hex("00A4020C02011C")) == [0x6A, 0x82])
        #expect(transport.chip.files.cardAccess == nil)
    }

    @Test func withoutCAThereIsNoCAInfoAndNoDG14() throws {
        let chip = try VirtualCCCDChip(configuration: try Fixtures.configuration(options: Fixtures.options { $0.withoutCA = true }))
        let infos = try SecurityInfos(berEncoded: try #require(chip.files.cardAccess))
        #expect(infos.chipAuthenticationInfos.isEmpty)
        #expect(infos.paceInfos.count == 1)
        #expect(chip.files.genuineDataGroups[14] == nil)
    }

    @Test(arguments: [
        ("00A4040C07A0000002471002", "6A82"),  // another application
        ("80A4040C07A0000002471001", "6E00"),  // proprietary class
        ("00CA000000", "6D00"),  // GET DATA: not supported
        ("00A4020C02011E", "6A82"),  // EF.COM before selecting the application
        ("00B0000004", "6986"),  // READ BINARY with no current file
        ("00A4", "6700"),  // not an APDU
        ("0C B0 0000 04", "6988"),  // secure messaging before any session
        ("10860000027C0000", "6985"),  // GENERAL AUTHENTICATE without MSE:Set AT
        ("0082000028" + String(repeating: "00", count: 40) + "28", "6985"),  // MUTUAL AUTHENTICATE without a challenge
        ("0084000004", "6700"),  // GET CHALLENGE for other than 8 bytes
        ("00A4020802011C", "6A86"),  // SELECT with an unsupported P2
        ("00A4080C02011C", "6A86"),  // SELECT by path
        ("00A4020C03011C00", "6700"),  // a 3-byte file id
        ("00B1000000", "6986"),  // odd READ BINARY without a current file
        ("0022C1A40F800A04007F00070202040202830102", "9000"),  // MSE:Set AT without 84 (accepted, as CCCDs do)
    ])
    func statusWordsOfInvalidCommands(command: String, status: String) async throws {
        let transport = try Fixtures.chip()
        #expect(try await transport.transmit(hex(command)).hexString == status)
    }

    @Test func selectWithFCPReportsSizeAndFileID() async throws {
        let transport = try Fixtures.chip()
        let answer = try ResponseAPDU(encoded: try await transport.transmit(hex("00A4020002011C00")))
        #expect(answer.status == .success)
        #expect(answer.data == hex("620B 8002 0036 820101 8302 011C"))
        let gotten = try ResponseAPDU(encoded: try await transport.transmit(hex("0084000008")))
        #expect(gotten.data.count == 8)
    }

    @Test func dataGroupsNeedAccessControl() async throws {
        let transport = try Fixtures.chip()
        try await Access.selectApplication(transport)
        #expect(try await transport.transmit(hex("00A4020C020101")) == [0x69, 0x82])
        #expect(try await transport.transmit(hex("00B0810004")) == [0x69, 0x82])
        #expect(try await transport.transmit(hex("0088000008 0102030405060708 00")).hexString == "6982")
    }

    @Test func powerCycleForgetsTheSession() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.pace(transport)
        _ = try await channel.readFile(0x011E)
        transport.chip.reset()
        #expect(transport.chip.atr.first == 0x3B)
        #expect(try await transport.transmit(hex("00A4040C07A0000002471001")) == [0x90, 0x00])
        #expect(try await transport.transmit(hex("00A4020C02011E")) == [0x69, 0x82])
    }
}
