import CCCDTestSupport
import ChipProtocol
import SmartCardReader
import Testing
import VirtualCard

/// Prints the median APDU round trip through pcscd + vpcd, with and without `TCP_QUICKACK` on the
/// card side, so the ~40 ms delayed-ACK stall is visible. Times are printed, never asserted
/// (timing belongs to benchmarks); the test asserts that every exchange succeeded.
@Suite("APDU round trip on the rig", .serialized, .enabled(if: PCSCRig.isAvailable))
struct RoundTripMeasurement {
    @Test("Median SELECT round trip, QUICKACK on and off (printed)")
    func medianRoundTrip() async throws {
        try await PCSCRig.withRig { _ in
            let on = try await median(quickAck: true, exchanges: 200)
            // A card swapped within one pcscd presence poll (400 ms) is never seen leaving: the
            // first transmit to the new card then fails. Wait until the first card is seen gone.
            #expect(try await waitForCard(false, in: PCSCRig.firstReaderName, service: PCSCService()))
            let off = try await median(quickAck: false, exchanges: 40)
            print("MEASURED: median SELECT round trip \(on) with TCP_QUICKACK, \(off) without")
        }
    }

    private func median(quickAck: Bool, exchanges: Int) async throws -> Duration {
        let service = PCSCService()
        let card = TransparentFileCard(files: [0x011E: [0x60, 0x00]])
        return try await withInsertedCard(card, quickAck: quickAck) { _ async throws in
            try #require(await waitForCard(true, in: PCSCRig.firstReaderName, service: service))
            let connection = try await service.connection(to: PCSCRig.firstReaderName)
            defer { Task { await connection.disconnect() } }
            let clock = ContinuousClock()
            var times: [Duration] = []
            for _ in 0..<exchanges {
                var status = StatusWord(0)
                times.append(try await clock.measure { status = try await select(0x011E, over: connection) })
                #expect(status == .success)
            }
            return times.sorted()[times.count / 2]
        }
    }
}
