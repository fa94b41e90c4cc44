import CPCSCLite
import Glibc

/// The Swift side of one `SCARD_READERSTATE`: the reader name, the state we believe, and what
/// pcsc-lite answered. Bridged to C only for the duration of a call, so the name's C string
/// never outlives it.
struct ReaderStateRecord: Sendable {
    /// pcsc-lite's pseudo reader whose state changes when a reader is plugged in or removed.
    static let plugAndPlayName = "\\\\?PnP?\\Notification"

    var name: String
    /// What we believed before the call (`SCARD_STATE_UNAWARE` the first time).
    var currentState: DWORD
    /// What pcsc-lite reported; fed back as `currentState` for the next wait.
    var eventState: DWORD = 0
    var atr: [UInt8] = []

    init(name: String, currentState: DWORD = DWORD(SCARD_STATE_UNAWARE)) {
        self.name = name
        self.currentState = currentState
    }

    func has(_ flag: Int32) -> Bool { eventState & DWORD(flag) != 0 }

    /// A card is in the field and answered with an ATR (a mute card counts as absent).
    var cardPresent: Bool { has(SCARD_STATE_PRESENT) && !has(SCARD_STATE_MUTE) }

    /// The reader no longer exists (unplugged between enumeration and the wait).
    var readerGone: Bool { has(SCARD_STATE_UNKNOWN) || has(SCARD_STATE_IGNORE) }

    /// pcsc-lite counts card insertions and removals in the high 16 bits of the event state;
    /// a jump of two or more between waits means an event pair was missed.
    var eventCounter: Int { Int((eventState >> 16) & 0xFFFF) }

    /// Runs `body` with a temporary C array of `SCARD_READERSTATE`, copying results back;
    /// `nil` for an empty list (there is nothing to wait for).
    static func withCStates<R>(
        _ records: inout [ReaderStateRecord],
        _ body: (UnsafeMutablePointer<SCARD_READERSTATE>, DWORD) -> R
    ) -> R? {
        let names = records.map { strdup($0.name) }
        defer { names.forEach { free($0) } }
        var cStates = records.indices.map { index in
            var state = SCARD_READERSTATE()
            state.szReader = UnsafePointer(names[index])
            state.dwCurrentState = records[index].currentState
            return state
        }
        let result = cStates.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { body($0, DWORD(buffer.count)) }
        }
        for index in records.indices {
            records[index].eventState = cStates[index].dwEventState
            let length = min(Int(cStates[index].cbAtr), Int(MAX_ATR_SIZE))
            records[index].atr = withUnsafeBytes(of: cStates[index].rgbAtr) { Array($0.prefix(length)) }
        }
        return result
    }
}
