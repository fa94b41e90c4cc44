import CCCDTestSupport
import SmartCardReader
import Testing
import VirtualCard

/// The long-running watcher against a real pcscd: `SCardGetStatusChange` with the PnP pseudo
/// reader, card events, and recovery across a pcscd crash.
///
/// Not exercised here: a reader being plugged in or unplugged while pcscd runs. vpcd's readers
/// come from reader.conf, and Debian's pcscd (libudev hotplug) ignores SIGUSR1 for serial-type
/// readers, so no reader can appear without USB hardware; the tracker's handling of it is unit
/// tested in ReaderTrackerTests.
@Suite("Reader watcher on the rig", .serialized, .enabled(if: PCSCRig.isAvailable))
struct ReaderWatcherTests {
    @Test("Insert and remove are reported in order, per reader")
    func insertAndRemove() async throws {
        try await PCSCRig.withRig { _ in
            let events = EventCollector(PCSCService().events())
            #expect(await events.waitFor(.readerAdded(PCSCRig.firstReaderName)))
            #expect(await events.waitFor(.readerAdded(PCSCRig.secondReaderName)))
            let card = TransparentFileCard(files: [:])
            let inserted = ReaderEvent.cardInserted(reader: PCSCRig.firstReaderName, atr: TransparentFileCard.defaultATR)
            let removed = ReaderEvent.cardRemoved(reader: PCSCRig.firstReaderName)
            try await withInsertedCard(card) { vpcd in
                #expect(await events.waitFor(inserted))
                vpcd.remove()
                #expect(await events.waitFor(removed))
                vpcd.insert()
                #expect(await events.waitFor(inserted, count: 2))
            }
            #expect(await events.waitFor(removed, count: 2))
            await events.stop()
            let firstReader = events.events.filter { event in
                switch event {
                case .readerAdded(let name), .readerRemoved(let name): name == PCSCRig.firstReaderName
                case .cardInserted(let name, _), .cardRemoved(let name): name == PCSCRig.firstReaderName
                case .serviceLost, .serviceRestored: true
                }
            }
            #expect(firstReader == [.readerAdded(PCSCRig.firstReaderName), inserted, removed, inserted, removed])
        }
    }

    @Test("A card already in the reader is reported when watching starts")
    func cardAlreadyPresent() async throws {
        try await PCSCRig.withRig { _ in
            let service = PCSCService()
            try await withInsertedCard(TransparentFileCard(files: [:])) { _ async throws in
                #expect(try await waitForCard(true, in: PCSCRig.firstReaderName, service: service))
                let events = EventCollector(service.events())
                #expect(await events.waitFor(.cardInserted(reader: PCSCRig.firstReaderName, atr: TransparentFileCard.defaultATR)))
                await events.stop()
            }
        }
    }

    @Test("Dropping the event stream ends the watch (SCardCancel unblocks the wait)")
    func stopsWhenDropped() async throws {
        try await PCSCRig.withRig { _ in
            let stream = PCSCService(configuration: .init(watchTimeout: .seconds(3600))).events()
            let reader = Task {
                var count = 0
                for await _ in stream { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(300))
            reader.cancel()
            // With a one-hour wait this only returns because cancellation reached pcsc-lite.
            #expect(await reader.value >= 2)
        }
    }
}
