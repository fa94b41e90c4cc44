import CCCDTestSupport
import SmartCardReader
import Testing
import VirtualCard

/// Through a real pcscd with the vpcd driver: the two virtual readers, with and without a card.
@Suite("PC/SC readers on the rig", .serialized, .enabled(if: PCSCRig.isAvailable))
struct ReaderEnumerationTests {
    @Test("Both vpcd readers are listed, empty")
    func listsVirtualReaders() async throws {
        try await PCSCRig.withRig { _ in
            let readers = try await PCSCService().readers()
            let names = readers.map(\.name)
            #expect(names.contains(PCSCRig.firstReaderName))
            #expect(names.contains(PCSCRig.secondReaderName))
            for reader in readers where reader.name.hasPrefix("Virtual PCD") {
                #expect(!reader.cardPresent)
                #expect(reader.atr.isEmpty)
            }
        }
    }

    @Test("An inserted card is present with its ATR; removed, it is gone")
    func cardPresence() async throws {
        try await PCSCRig.withRig { _ in
            let service = PCSCService()
            let card = TransparentFileCard(files: [0x011E: [0x60, 0x00]])
            try await withInsertedCard(card) { connection in
                #expect(try await waitForCard(true, in: PCSCRig.firstReaderName, service: service))
                let reader = try #require(try await service.readers().first { $0.name == PCSCRig.firstReaderName })
                #expect(reader.atr == TransparentFileCard.defaultATR)
                let other = try #require(try await service.readers().first { $0.name == PCSCRig.secondReaderName })
                #expect(!other.cardPresent)
                connection.remove()
                #expect(try await waitForCard(false, in: PCSCRig.firstReaderName, service: service))
            }
        }
    }

    @Test("Connecting to an empty reader is a typed card-removed error")
    func connectWithoutCard() async throws {
        try await PCSCRig.withRig { _ in
            let error = await #expect(throws: SmartCardError.self) {
                try await PCSCService().connection(to: PCSCRig.secondReaderName)
            }
            #expect(error?.reason == .cardRemoved)
        }
    }

    @Test("Connecting to an unknown reader is a typed no-reader error")
    func connectUnknownReader() async throws {
        try await PCSCRig.withRig { _ in
            let error = await #expect(throws: SmartCardError.self) {
                try await PCSCService().connection(to: "No Such Reader 00 00")
            }
            #expect(error?.reason == .noReader)
        }
    }
}
