import Foundation
import SmartCardReader

/// One `cccdctl readers --watch` line: `{"event":"cardInserted","reader":"…","atr":"3B…"}` or text.
struct ReaderEventLine: Encodable {
    let event: String
    let reader: String?
    let atr: String?

    init(_ event: ReaderEvent) {
        switch event {
        case .readerAdded(let name): (self.event, reader, atr) = ("readerAdded", name, nil)
        case .readerRemoved(let name): (self.event, reader, atr) = ("readerRemoved", name, nil)
        case .cardInserted(let name, let bytes):
            (self.event, reader, atr) = ("cardInserted", name, bytes.map { String(format: "%02X", $0) }.joined())
        case .cardRemoved(let name): (self.event, reader, atr) = ("cardRemoved", name, nil)
        case .serviceLost: (self.event, reader, atr) = ("serviceLost", nil, nil)
        case .serviceRestored: (self.event, reader, atr) = ("serviceRestored", nil, nil)
        }
    }

    /// Compact JSON with sorted keys; absent fields are left out.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    var text: String {
        [event, reader, atr].compactMap { $0 }.joined(separator: " ")
    }
}
