import ChipProtocol
import Testing
@testable import VirtualChip

/// READ BINARY variants and the profile's length limits, through the reader's secure messaging.
@Suite struct ReadBinaryTests {
    @Test func extendedLengthReadsAWholeDG2InOneAPDU() async throws {
        let transport = try Fixtures.chip(photo: Fixtures.largePhoto)
        var channel = try await Access.pace(transport)
        let dg2 = try #require(transport.chip.files.genuineDataGroups[2])
        #expect(dg2.count > 0x8000 && dg2.count < 65536)
        _ = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x02]))
        let before = transport.traffic.commands
        let answer = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 65536))
        #expect(answer.status == .success)
        let complete = answer.data == dg2  // not inside #expect: a failure would print 40 KB
        #expect(complete)
        #expect(transport.traffic.commands == before + 1)
    }

    @Test func oddInstructionReadsBeyondOffset7FFF() async throws {
        let transport = try Fixtures.chip(photo: Fixtures.largePhoto)
        var channel = try await Access.pace(transport)
        let dg2 = try #require(transport.chip.files.genuineDataGroups[2])
        _ = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x02]))
        let offset = 0x8123
        let answer = try await channel.send(CommandAPDU(ins: 0xB1, p1: 0, p2: 0, data: [0x54, 0x02, 0x81, 0x23], expectedLength: 0xDF))
        #expect(answer.status == .success)
        let object = try TLV(decoding: answer.data, expectedTag: 0x53)
        #expect(answer.data.count <= 0xDF)
        let matches = object.value == Array(dg2[offset..<(offset + object.value.count)])
        #expect(matches)
        #expect(object.value.count > 0xD0)
        // By file id in P1-P2, reaching the end of the file: the rest and 6282.
        let tail = dg2.count - 10
        let last = try await channel.send(CommandAPDU(
            ins: 0xB1, p1: 0x01, p2: 0x02, data: [0x54, 0x03, UInt8(tail >> 16), UInt8((tail >> 8) & 0xFF), UInt8(tail & 0xFF)], expectedLength: 0x40
        ))
        #expect(last.status == .endOfFileReached)
        #expect(try TLV(decoding: last.data, expectedTag: 0x53).value == Array(dg2.suffix(10)))
    }

    @Test func readsAtAndPastTheEnd() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.pace(transport)
        let com = transport.chip.files.efCOM
        _ = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x1E]))
        let short = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 4, expectedLength: 200))
        #expect(short.status == .endOfFileReached)
        #expect(short.data == Array(com.dropFirst(4)))
        let all = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 256))
        #expect(all.status == .success)
        #expect(all.data == com)
        let past = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: UInt8(com.count), expectedLength: 1))
        #expect(past.status == .wrongParametersOffset)
        #expect(past.data.isEmpty)
    }

    @Test func shortFileIdentifierReadsSelectTheFile() async throws {
        let transport = try Fixtures.chip()
        let answer = try ResponseAPDU(encoded: try await transport.transmit(hex("00B09C0000")))
        #expect(answer.status == .success)
        #expect(answer.data == Fixtures.realCardAccess)
        var channel = try await Access.pace(transport)
        let dg1 = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0x81, p2: 0, expectedLength: 256))
        #expect(dg1.data == transport.chip.files.genuineDataGroups[1])
    }

    @Test func fingerprintsNeedTerminalAuthentication() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.pace(transport)
        let select = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x03]))
        #expect(select.status == .success)
        let read = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 4))
        #expect(read.status == .securityStatusNotSatisfied)
        let missing = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x0B]))
        #expect(missing.status == .fileNotFound)
    }

    @Test func noExtendedLengthRefusesExtendedAPDUsWithoutLosingSecureMessaging() async throws {
        let transport = try Fixtures.chip(options: Fixtures.options { $0.noExtendedLength = true })
        #expect(try await transport.transmit(hex("00B0000000 0100")) == [0x67, 0x00])
        var channel = try await Access.pace(transport)
        _ = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x0D]))
        // Extended Le inside SM: a plain 6700 that the reader returns without touching its counter.
        let refused = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 1000))
        #expect(refused.status == .wrongLength)
        // Le 256 would need a protected answer over 256 bytes: refused, but protected.
        let tooLong = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 256))
        #expect(tooLong.status == .wrongLength)
        // The session is still in step: 0xDF chunks read the whole file.
        #expect(try await channel.readFile(0x010D) == transport.chip.files.genuineDataGroups[13])
    }

    @Test func maximumLeCapsOrRefuses() async throws {
        let capped = try Fixtures.chip(options: Fixtures.options { $0.maxLe = 100 })
        var channel = try await Access.pace(capped)
        _ = try await channel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x0D]))
        let answer = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 200))
        #expect(answer.status == .success)
        #expect(answer.data.count == 100)

        let strict = try Fixtures.chip(options: Fixtures.options {
            $0.maxLe = 100
            $0.maxLeBehaviour = .wrongLength
        })
        var strictChannel = try await Access.pace(strict)
        _ = try await strictChannel.send(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x0D]))
        #expect(try await strictChannel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 200)).status == .wrongLength)
        #expect(try await strictChannel.readFile(0x010D, chunk: 100) == strict.chip.files.genuineDataGroups[13])

        let exact = try Fixtures.chip(options: Fixtures.options {
            $0.maxLe = 0x20
            $0.maxLeBehaviour = .exactLength
        })
        let refused = try ResponseAPDU(encoded: try await exact.transmit(hex("00B09C0040")))
        #expect(refused.status.exactExpectedLength == 0x20)
        #expect(try await exact.transmit(hex("00B09C0020")).count == 0x22)
    }
}
