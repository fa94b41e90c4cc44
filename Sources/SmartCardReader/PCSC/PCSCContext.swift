import CPCSCLite

/// One `SCARDCONTEXT`, released when the object goes away.
///
/// All methods block; callers run them on their own ``BlockingQueue`` or thread. `@unchecked
/// Sendable` because the handle is an immutable integer and pcsc-lite allows ``cancel()`` from any
/// thread (it exists to unblock a `SCardGetStatusChange` running elsewhere); every other call is
/// made from the owner's single queue or thread.
final class PCSCContext: @unchecked Sendable {
    let handle: SCARDCONTEXT

    /// Establishes a system-scope context; fails with `.serviceUnavailable` when pcscd is not running.
    init() throws(SmartCardError) {
        var context = SCARDCONTEXT()
        try PCSCStatus(SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &context)).check()
        handle = context
    }

    deinit {
        SCardReleaseContext(handle)
    }

    /// Unblocks a `SCardGetStatusChange` waiting on this context.
    func cancel() {
        SCardCancel(handle)
    }

    /// The names of the readers pcscd knows now; an empty list when there are none.
    func readerNames() throws(SmartCardError) -> [String] {
        // The list can grow between the size query and the read: retry on a short buffer.
        for _ in 0..<3 {
            var length = DWORD(0)
            var status = PCSCStatus(SCardListReaders(handle, nil, nil, &length))
            if status.rawValue == SCARD_E_NO_READERS_AVAILABLE { return [] }
            try status.check()
            var buffer = [CChar](repeating: 0, count: Int(length))
            status = PCSCStatus(SCardListReaders(handle, nil, &buffer, &length))
            if status.rawValue == SCARD_E_INSUFFICIENT_BUFFER { continue }
            if status.rawValue == SCARD_E_NO_READERS_AVAILABLE { return [] }
            try status.check()
            return Self.multiString(buffer.prefix(Int(length)))
        }
        throw SmartCardError(.communicationFailed, diagnostic: "reader list kept changing")
    }

    /// Splits a PC/SC multi-string (`a\0b\0\0`) into its names.
    static func multiString(_ bytes: ArraySlice<CChar>) -> [String] {
        bytes.split(separator: 0).map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    }

    /// One `SCardGetStatusChange` over `states`, which is updated in place (event states, ATRs).
    func waitForChange(_ states: inout [ReaderStateRecord], timeout: DWORD) -> PCSCStatus {
        ReaderStateRecord.withCStates(&states) { pointer, count in
            PCSCStatus(SCardGetStatusChange(handle, timeout, pointer, count))
        } ?? PCSCStatus(SCARD_E_INVALID_PARAMETER)
    }
}
