/// Something that happened to the readers, in the order the watcher saw it.
///
/// For every reader the stream is consistent: `readerAdded` before any card event, `cardInserted`
/// and `cardRemoved` alternate, and a reader's card is reported removed before the reader is.
/// When pcscd goes away, `serviceLost` follows the removal of every known reader and card, since
/// none is usable; after `serviceRestored` the readers come back as `readerAdded`. If pcscd is not
/// running when watching starts, the first event is `serviceLost`.
public enum ReaderEvent: Sendable, Hashable {
    case readerAdded(String)
    case readerRemoved(String)
    case cardInserted(reader: String, atr: [UInt8])
    case cardRemoved(reader: String)
    case serviceLost
    case serviceRestored
}
