import CPCSCLite

/// What the watcher believes about each reader, turning raw status-change results into a
/// consistent ``ReaderEvent`` sequence.
struct ReaderTracker {
    private struct Track {
        var record: ReaderStateRecord
        var cardPresent = false
        /// The event counter from the last answer; `nil` before the first one.
        var counter: Int?
    }

    private var tracks: [Track] = []
    private let emit: (ReaderEvent) -> Void

    init(emit: @escaping (ReaderEvent) -> Void) {
        self.emit = emit
    }

    /// The records to wait on, each with the last event state fed back as its current state.
    var records: [ReaderStateRecord] { tracks.map(\.record) }

    /// Reconciles with a fresh reader list: removes vanished readers (their card first), adds new
    /// ones in the unaware state so the next wait reports their card at once.
    mutating func enumerated(_ names: [String]) {
        let wanted = Set(names)
        for track in tracks where !wanted.contains(track.record.name) {
            if track.cardPresent { emit(.cardRemoved(reader: track.record.name)) }
            emit(.readerRemoved(track.record.name))
        }
        tracks.removeAll { !wanted.contains($0.record.name) }
        let known = Set(tracks.map(\.record.name))
        for name in names where !known.contains(name) {
            tracks.append(Track(record: ReaderStateRecord(name: name)))
            emit(.readerAdded(name))
        }
    }

    /// Applies one successful wait's answers (same order as ``records``); returns whether a reader
    /// vanished so the caller re-enumerates.
    mutating func observed(_ answers: [ReaderStateRecord]) -> Bool {
        var vanished = false
        for (index, answer) in zip(tracks.indices, answers) where tracks[index].record.name == answer.name {
            if answer.readerGone {
                vanished = true
                continue
            }
            var track = tracks[index]
            if answer.has(SCARD_STATE_CHANGED) || track.counter == nil {
                let present = answer.cardPresent
                // The counter moves by one per insertion or removal. Two or more while a card is
                // present both times means a remove + insert happened between two waits.
                let missedSwap = track.counter.map { (answer.eventCounter - $0) & 0xFFFF >= 2 } ?? false
                switch (track.cardPresent, present) {
                case (true, true) where missedSwap:
                    emit(.cardRemoved(reader: answer.name))
                    emit(.cardInserted(reader: answer.name, atr: answer.atr))
                case (true, false):
                    emit(.cardRemoved(reader: answer.name))
                case (false, true):
                    emit(.cardInserted(reader: answer.name, atr: answer.atr))
                default:
                    // Absent both times: an insert + remove pair may have been missed, but there is
                    // no card to report.
                    break
                }
                track.cardPresent = present
                track.counter = answer.eventCounter
            }
            track.record = answer
            track.record.currentState = answer.eventState
            tracks[index] = track
        }
        return vanished
    }

    /// pcscd went away: every card and reader is gone until it is back.
    mutating func forgetAll() {
        for track in tracks {
            if track.cardPresent { emit(.cardRemoved(reader: track.record.name)) }
            emit(.readerRemoved(track.record.name))
        }
        tracks.removeAll()
    }
}
