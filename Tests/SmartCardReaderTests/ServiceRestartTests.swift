import CCCDTestSupport
import ChipProtocol
import SmartCardReader
import Testing
import VirtualCard

/// pcscd killed (SIGKILL, as in a crash) and started again under a running reader layer.
@Suite("pcscd restart on the rig", .serialized, .enabled(if: PCSCRig.isAvailable))
struct ServiceRestartTests {
    static let fileID: UInt16 = 0x010D
    static let file = patternFile(size: 3000, seed: 42)

    @Test("Reads recover after pcscd is killed and restarted between reads; the watcher reports it")
    func recoversFromRestart() async throws {
        try await PCSCRig.withRig { rig in
            guard rig.ownsService else {
                print("SKIPPED: pcscd is a system service here; the rig will not kill it")
                return
            }
            let service = PCSCService()
            let events = EventCollector(service.events())
            let card = TransparentFileCard(files: [Self.fileID: Self.file])
            let inserted = ReaderEvent.cardInserted(reader: PCSCRig.firstReaderName, atr: TransparentFileCard.defaultATR)
            try await withInsertedCard(card) { vpcd in
                #expect(await events.waitFor(inserted))
                let before = try await service.connection(to: PCSCRig.firstReaderName)
                #expect(try await select(Self.fileID, over: before) == .success)
                #expect(try await readSelected(size: Self.file.count, chunk: 0xDF, over: before) == Self.file)

                try await rig.killService()
                #expect(await events.waitFor(.serviceLost))
                let stale = await #expect(throws: SmartCardError.self) {
                    _ = try await before.transmit([0x00, 0xB0, 0x00, 0x00, 0x10])
                }
                #expect(stale?.reason == .serviceUnavailable, "\(String(describing: stale?.diagnostic))")

                try await rig.startService()
                // The virtual card finds vpcd's new listener by itself, as a real card stays in the field.
                #expect(await eventually { vpcd.connectionCount >= 2 })
                #expect(await events.waitFor(.serviceRestored))
                #expect(await events.waitFor(inserted, count: 2))
                // The same service object lists and connects again: its dead context was replaced.
                #expect(try await service.readers().contains { $0.name == PCSCRig.firstReaderName && $0.cardPresent })
                let after = try await service.connection(to: PCSCRig.firstReaderName)
                #expect(try await select(Self.fileID, over: after) == .success)
                #expect(try await readSelected(size: Self.file.count, chunk: 0xDF, over: after) == Self.file)
                await after.disconnect()
            }
            await events.stop()
            let sequence = events.events
            let lost = try #require(sequence.firstIndex(of: .serviceLost))
            let restored = try #require(sequence.firstIndex(of: .serviceRestored))
            #expect(lost < restored)
            // Before serviceLost, the card and both readers were reported gone.
            #expect(sequence[..<lost].contains(.cardRemoved(reader: PCSCRig.firstReaderName)))
            #expect(sequence[..<lost].contains(.readerRemoved(PCSCRig.firstReaderName)))
            #expect(sequence[restored...].contains(.readerAdded(PCSCRig.firstReaderName)))
        }
    }

    @Test("Listing readers while pcscd is down is a typed service-unavailable error")
    func serviceDown() async throws {
        try await PCSCRig.withRig { rig in
            guard rig.ownsService else {
                print("SKIPPED: pcscd is a system service here; the rig will not kill it")
                return
            }
            try await rig.killService()
            let service = PCSCService(configuration: .init(recoveryBackoff: [.milliseconds(10)]))
            let error = await #expect(throws: SmartCardError.self) { try await service.readers() }
            #expect(error?.reason == .serviceUnavailable)
            #expect(error?.message.vi.isEmpty == false)
            try await rig.startService()
            #expect(try await service.readers().contains { $0.name == PCSCRig.firstReaderName })
        }
    }
}
