import CCCDTestSupport
import ChipProtocol
import Synchronization
import Testing
@testable import VirtualChip

/// Garbage in every session state: the chip answers each APDU with a status word and keeps
/// working; it never traps on hostile bytes.
@Suite struct HostileInputTests {
    static func randomCommand(_ random: inout SeededGenerator) -> [UInt8] {
        let classes: [UInt8] = [0x00, 0x0C, 0x10, 0x1C, 0x80, 0xFF]
        let instructions: [UInt8] = [0xA4, 0xB0, 0xB1, 0x84, 0x82, 0x88, 0x22, 0x86, 0x2A, 0x00]
        var command = [classes.randomElement(using: &random)!, instructions.randomElement(using: &random)!]
        let length = Int.random(in: 0...300, using: &random)
        command += (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
        // Half the time, make the body a well-formed short case 3/4 so deeper code is reached.
        if Bool.random(using: &random), command.count > 5 {
            let data = Array(command.dropFirst(5).prefix(255))
            command = Array(command.prefix(4)) + [UInt8(data.count)] + data + (Bool.random(using: &random) ? [0x00] : [])
        }
        return command
    }

    @Test(arguments: 0..<3)
    func randomCommandsAlwaysGetAStatusWord(state: Int) async throws {
        var random = SeededGenerator(seed: UInt64(0xC0DE + state))
        let transport = try Fixtures.chip(photo: Fixtures.largePhoto)
        if state >= 1 { try await Access.selectApplication(transport) }
        if state == 2 { _ = try await Access.pace(transport) }
        var malformed = 0
        for _ in 0..<3000 {
            let response = transport.chip.respond(to: Self.randomCommand(&random))
            if response.count < 2 { malformed += 1 }
        }
        #expect(malformed == 0)
        // Still a working card afterwards.
        transport.chip.reset()
        var channel = try await Access.pace(transport)
        #expect(try await channel.readFile(0x011E) == transport.chip.files.efCOM)
    }

    /// Every byte of every command of a real PACE + BAC + read session, flipped in turn.
    @Test func mutatedSessionCommandsAreRefusedCleanly() async throws {
        let recorder = RecordingTransport(try Fixtures.chip())
        var channel = try await Access.pace(recorder)
        _ = try await channel.readFile(0x0101)
        _ = try await channel.send(CommandAPDU(ins: 0x88, p1: 0, p2: 0, data: [1, 2, 3, 4, 5, 6, 7, 8], expectedLength: 256))
        let script = recorder.commands
        #expect(!script.isEmpty)
        var random = SeededGenerator(seed: 0xFACE)
        for _ in 0..<200 {
            let chip = try VirtualCCCDChip(configuration: try Fixtures.configuration())
            chip.powerOn()
            for command in script {
                var mutated = command
                if !mutated.isEmpty, Int.random(in: 0..<4, using: &random) == 0 {
                    mutated[Int.random(in: 0..<mutated.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
                }
                #expect(chip.respond(to: mutated).count >= 2)
            }
        }
    }
}

/// Passes commands on and keeps them, to replay a real session with mutations.
final class RecordingTransport: APDUTransport {
    private let inner: InProcessTransport
    private let log = Mutex<[[UInt8]]>([])

    init(_ inner: InProcessTransport) { self.inner = inner }

    var commands: [[UInt8]] { log.withLock { $0 } }

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        log.withLock { $0.append(command) }
        return try await inner.transmit(command)
    }
}
