import ChipProtocol
import Testing
@testable import VirtualChip

/// The chip's reaction to broken or missing secure messaging: a plain 6988 and the session gone.
@Suite struct SecureMessagingTests {
    @Test func aTamperedMACAnswers6988AndDropsTheSession() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.pace(transport)
        var command = try channel.session.protect(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x01]))
        command.data[command.data.count - 1] ^= 0x01
        #expect(try await transport.transmit(try command.encoded()) == [0x69, 0x88])
        // A correctly protected command now fails too: the chip has no session any more.
        let next = try channel.session.protect(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x01]))
        #expect(try await transport.transmit(try next.encoded()) == [0x69, 0x88])
        #expect(try await transport.transmit(hex("00A4020C020101")) == [0x69, 0x82])
    }

    @Test func aTamperedCryptogramIsRejectedToo() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.pace(transport)
        var command = try channel.session.protect(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x01]))
        command.data[5] ^= 0x80  // inside DO87
        #expect(try await transport.transmit(try command.encoded()) == [0x69, 0x88])
    }

    @Test func aPlainCommandEndsSecureMessaging() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.bac(transport)
        _ = try await channel.readFile(0x0101)
        #expect(try await transport.transmit(hex("00B0000004")) == [0x69, 0x82])
        await #expect(throws: SecureMessagingError.self) {
            _ = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 4))
        }
    }

    @Test func errorsUnderSecureMessagingAreProtected() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.pace(transport)
        let missing = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x0C]))
        #expect(missing.status == .fileNotFound)
        #expect(try await channel.readFile(0x011E) == transport.chip.files.efCOM)
    }
}
