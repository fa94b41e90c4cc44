import CCCDTestSupport
import ChipProtocol
import SmartCardReader
import Testing
import VirtualCard

/// Two virtual cards in vpcd's two readers at once, read in parallel.
@Suite("Several readers on the rig", .serialized, .enabled(if: PCSCRig.isAvailable))
struct MultiReaderTests {
    @Test("Cards on both vpcd ports are read concurrently, each with its own data")
    func twoCardsAtOnce() async throws {
        try await PCSCRig.withRig { _ in
            let service = PCSCService()
            let first = patternFile(size: 4000, seed: 1), second = patternFile(size: 2500, seed: 2)
            let secondATR: [UInt8] = [0x3B, 0x80, 0x80, 0x01, 0x01]
            let cardA = TransparentFileCard(files: [0x0101: first])
            let cardB = TransparentFileCard(files: [0x0101: second], atr: secondATR)
            try await withInsertedCard(cardA, port: VPCDConnection.firstReaderPort) { _ async throws in
                try await withInsertedCard(cardB, port: VPCDConnection.secondReaderPort) { _ async throws in
                    #expect(try await waitForCard(true, in: PCSCRig.firstReaderName, service: service))
                    #expect(try await waitForCard(true, in: PCSCRig.secondReaderName, service: service))
                    let readers = try await service.readers()
                    #expect(readers.first { $0.name == PCSCRig.secondReaderName }?.atr == secondATR)
                    async let readA = readWhole(0x0101, size: first.count, reader: PCSCRig.firstReaderName, service)
                    async let readB = readWhole(0x0101, size: second.count, reader: PCSCRig.secondReaderName, service)
                    let (bytesA, bytesB) = try await (readA, readB)
                    #expect(bytesA == first)
                    #expect(bytesB == second)
                }
            }
        }
    }

    private func readWhole(_ file: UInt16, size: Int, reader: String, _ service: PCSCService) async throws -> [UInt8] {
        let connection = try await service.connection(to: reader)
        #expect(try await select(file, over: connection) == .success)
        let bytes = try await readSelected(size: size, chunk: 0x80, over: connection)
        await connection.disconnect()
        return bytes
    }
}
