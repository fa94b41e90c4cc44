import CPCSCLite
@testable import SmartCardReader
import Testing

/// The watcher's bookkeeping on synthetic `SCardGetStatusChange` answers: cases a virtual reader
/// cannot produce on demand (a missed swap, a reader vanishing mid-wait, hot-plug).
@Suite("Reader tracker")
struct ReaderTrackerTests {
    final class Recorder {
        var events: [ReaderEvent] = []
    }

    private func answer(_ name: String, _ flags: Int32, counter: Int, atr: [UInt8] = []) -> ReaderStateRecord {
        var record = ReaderStateRecord(name: name)
        record.eventState = DWORD(flags) | DWORD(counter) << 16
        record.atr = atr
        return record
    }

    @Test("Plugging and unplugging readers, with the card reported gone before its reader")
    func hotPlug() {
        let recorder = Recorder()
        var tracker = ReaderTracker { recorder.events.append($0) }
        tracker.enumerated(["A 00 00"])
        _ = tracker.observed([answer("A 00 00", SCARD_STATE_CHANGED | SCARD_STATE_PRESENT, counter: 1, atr: [0x3B, 0x00])])
        tracker.enumerated(["A 00 00", "B 00 00"])
        tracker.enumerated(["B 00 00"])
        #expect(recorder.events == [
            .readerAdded("A 00 00"), .cardInserted(reader: "A 00 00", atr: [0x3B, 0x00]),
            .readerAdded("B 00 00"), .cardRemoved(reader: "A 00 00"), .readerRemoved("A 00 00"),
        ])
        #expect(tracker.records.map(\.name) == ["B 00 00"])
    }

    @Test("The event counter exposes a remove + insert that happened between two waits")
    func missedSwap() {
        let recorder = Recorder()
        var tracker = ReaderTracker { recorder.events.append($0) }
        tracker.enumerated(["A"])
        _ = tracker.observed([answer("A", SCARD_STATE_CHANGED | SCARD_STATE_PRESENT, counter: 3, atr: [1])])
        _ = tracker.observed([answer("A", SCARD_STATE_CHANGED | SCARD_STATE_PRESENT | SCARD_STATE_INUSE, counter: 3, atr: [1])])
        _ = tracker.observed([answer("A", SCARD_STATE_CHANGED | SCARD_STATE_PRESENT, counter: 5, atr: [2])])
        #expect(recorder.events == [
            .readerAdded("A"), .cardInserted(reader: "A", atr: [1]),
            .cardRemoved(reader: "A"), .cardInserted(reader: "A", atr: [2]),
        ])
    }

    @Test("The counter wraps at 16 bits; a mute card counts as absent")
    func wrapAndMute() {
        let recorder = Recorder()
        var tracker = ReaderTracker { recorder.events.append($0) }
        tracker.enumerated(["A"])
        _ = tracker.observed([answer("A", SCARD_STATE_CHANGED | SCARD_STATE_PRESENT, counter: 0xFFFF, atr: [1])])
        _ = tracker.observed([answer("A", SCARD_STATE_CHANGED | SCARD_STATE_EMPTY, counter: 0)])
        _ = tracker.observed([answer("A", SCARD_STATE_CHANGED | SCARD_STATE_PRESENT | SCARD_STATE_MUTE, counter: 1)])
        #expect(recorder.events == [.readerAdded("A"), .cardInserted(reader: "A", atr: [1]), .cardRemoved(reader: "A")])
    }

    @Test("Event states are fed back as current states; a vanished reader asks for re-enumeration")
    func feedBackAndVanish() {
        var tracker = ReaderTracker { _ in }
        tracker.enumerated(["A", "B"])
        #expect(tracker.records.allSatisfy { $0.currentState == DWORD(SCARD_STATE_UNAWARE) })
        let vanished = tracker.observed([
            answer("A", SCARD_STATE_CHANGED | SCARD_STATE_EMPTY, counter: 0),
            answer("B", SCARD_STATE_CHANGED | SCARD_STATE_UNKNOWN, counter: 0),
        ])
        #expect(vanished)
        #expect(tracker.records[0].currentState == DWORD(SCARD_STATE_CHANGED | SCARD_STATE_EMPTY))
    }

    @Test("Losing the service reports every card and reader gone")
    func forgetAll() {
        let recorder = Recorder()
        var tracker = ReaderTracker { recorder.events.append($0) }
        tracker.enumerated(["A", "B"])
        _ = tracker.observed([answer("A", SCARD_STATE_CHANGED | SCARD_STATE_PRESENT, counter: 1, atr: [9]),
                              answer("B", SCARD_STATE_CHANGED | SCARD_STATE_EMPTY, counter: 0)])
        recorder.events.removeAll()
        tracker.forgetAll()
        #expect(recorder.events == [.cardRemoved(reader: "A"), .readerRemoved("A"), .readerRemoved("B")])
        #expect(tracker.records.isEmpty)
    }
}

@Suite("PC/SC status classification")
struct PCSCStatusTests {
    @Test("Codes map to typed failures", arguments: [
        (SCARD_W_REMOVED_CARD, ReaderFailure.cardRemoved), (SCARD_E_NO_SMARTCARD, .cardRemoved),
        (SCARD_W_RESET_CARD, .cardReset), (SCARD_E_READER_UNAVAILABLE, .readerUnavailable),
        (SCARD_E_UNKNOWN_READER, .noReader), (SCARD_E_TIMEOUT, .timeout),
        (SCARD_E_SHARING_VIOLATION, .readerBusy), (SCARD_F_COMM_ERROR, .serviceUnavailable),
        (SCARD_E_NO_SERVICE, .serviceUnavailable), (SCARD_E_INVALID_HANDLE, .serviceUnavailable),
        (SCARD_W_UNRESPONSIVE_CARD, .cardUnresponsive), (SCARD_E_NOT_TRANSACTED, .communicationFailed),
        (SCARD_E_NO_ACCESS, .accessDenied), (SCARD_W_SECURITY_VIOLATION, .accessDenied),
    ] as [(LONG, ReaderFailure)])
    func mapping(code: LONG, failure: ReaderFailure) {
        #expect(PCSCStatus(code).failure == failure)
        #expect(PCSCStatus(code).name.hasSuffix(")"))
    }

    @Test("Diagnostics name the status in hex; success has no error")
    func names() {
        #expect(PCSCStatus(SCARD_W_REMOVED_CARD).name == "SCARD_W_REMOVED_CARD (0x80100069)")
        #expect(PCSCStatus(0x1234).name == "PC/SC status (0x1234)")
        #expect(PCSCStatus(SCARD_S_SUCCESS).error == nil)
    }

    @Test("Reader lists are PC/SC multi-strings")
    func multiString() {
        let bytes = Array("Virtual PCD 00 00\0Virtual PCD 00 01\0\0".utf8).map { CChar(bitPattern: $0) }
        #expect(PCSCContext.multiString(bytes[...]) == ["Virtual PCD 00 00", "Virtual PCD 00 01"])
        #expect(PCSCContext.multiString([0][...]).isEmpty)
    }
}

@Suite("Reader failure messages")
struct ReaderFailureMessageTests {
    @Test("Every failure has a unique reader.* code and distinct Vietnamese and English text")
    func messages() {
        let codes = ReaderFailure.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for failure in ReaderFailure.allCases {
            #expect(failure.rawValue.hasPrefix("reader."))
            #expect(!failure.message.vi.isEmpty && !failure.message.en.isEmpty)
            #expect(failure.message.vi != failure.message.en)
        }
        let error = SmartCardError(.cardRemoved, diagnostic: "SCARD_W_REMOVED_CARD (0x80100069)")
        #expect(error.description == "reader.card.removed: The card was removed from the reader")
    }
}
