import CPCSCLite

/// An `SCARDHANDLE` and the context it belongs to, driven from one ``BlockingQueue``.
///
/// `@unchecked Sendable`: the mutable handle, protocol and receive buffer are only touched by
/// blocks on the owning connection's serial queue (and by `deinit`, when no block can be left).
final class CardHandle: @unchecked Sendable {
    /// `MAX_BUFFER_SIZE_EXTENDED`: a 65536-byte response plus SW, with room to spare.
    static let receiveCapacity = 4 + 3 + 65536 + 3 + 2

    let readerName: String
    private let context: PCSCContext
    private var handle: SCARDHANDLE
    private(set) var activeProtocol: DWORD
    private var isOpen = true
    private var receiveBuffer = [UInt8](repeating: 0, count: receiveCapacity)

    /// Connects in shared mode asking for T=1 (contactless T=CL appears as T=1); a contact card
    /// that only speaks T=0 gets T=0 rather than a protocol mismatch.
    init(context: PCSCContext, readerName: String, shareMode: DWORD = DWORD(SCARD_SHARE_SHARED)) throws(SmartCardError) {
        self.context = context
        self.readerName = readerName
        var card = SCARDHANDLE()
        var active = DWORD(0)
        let protocols = shareMode == DWORD(SCARD_SHARE_DIRECT) ? DWORD(0) : DWORD(SCARD_PROTOCOL_T1)
        var status = PCSCStatus(SCardConnect(context.handle, readerName, shareMode, protocols, &card, &active))
        if status.rawValue == SCARD_E_PROTO_MISMATCH {
            status = PCSCStatus(SCardConnect(
                context.handle, readerName, shareMode, DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1), &card, &active
            ))
        }
        try status.check()
        handle = card
        activeProtocol = active
    }

    deinit {
        if isOpen { SCardDisconnect(handle, DWORD(SCARD_LEAVE_CARD)) }
    }

    /// One `SCardTransmit`. On `SCARD_W_RESET_CARD` the handle is re-established with
    /// `SCardReconnect` and `.cardReset` is thrown: resending blindly would run the command
    /// outside the session (selected application, secure-messaging keys) it was built for.
    func transmit(_ command: [UInt8]) throws(SmartCardError) -> [UInt8] {
        guard isOpen else { throw SmartCardError(.disconnected) }
        var sendPCI = SCARD_IO_REQUEST(
            dwProtocol: activeProtocol, cbPciLength: DWORD(MemoryLayout<SCARD_IO_REQUEST>.size)
        )
        var received = DWORD(receiveBuffer.count)
        let status = PCSCStatus(receiveBuffer.withUnsafeMutableBufferPointer { buffer in
            SCardTransmit(handle, &sendPCI, command, DWORD(command.count), nil, buffer.baseAddress, &received)
        })
        if status.rawValue == SCARD_W_RESET_CARD {
            try reconnect(disposition: DWORD(SCARD_LEAVE_CARD))
            throw SmartCardError(.cardReset, diagnostic: status.name)
        }
        if Self.transportFailures.contains(status.rawValue) {
            throw classifyTransportFailure(status)
        }
        try status.check()
        let count = min(Int(received), receiveBuffer.count)
        guard count >= 2 else {
            throw SmartCardError(.malformedResponse, diagnostic: "\(count) bytes")
        }
        return Array(receiveBuffer.prefix(count))
    }

    /// What a failed exchange can mean: the card left the field, the daemon died, or a glitch.
    /// pcsc-lite returns these before its presence poll has noticed a removal (a pulled vpcd card
    /// gives `SCARD_E_NOT_TRANSACTED` twice in a row), and `SCARD_F_COMM_ERROR` both for a driver
    /// I/O error and for a lost daemon.
    private static let transportFailures: Set<LONG> = [SCARD_E_NOT_TRANSACTED, SCARD_F_COMM_ERROR, SCARD_E_COMM_DATA_LOST]

    /// How long to let pcscd notice a removal: its presence poll runs every 400 ms
    /// (`PCSCLITE_STATUS_POLL_RATE`), so two periods plus slack.
    private static let settleTimeout: DWORD = 1000

    /// Asks the reader's state (waiting up to ``settleTimeout`` for a change) to name the failure:
    /// `.cardRemoved` when the card is gone, `.serviceUnavailable` when pcscd is, otherwise
    /// `.communicationFailed` with the original status.
    private func classifyTransportFailure(_ status: PCSCStatus) -> SmartCardError {
        var records = [ReaderStateRecord(name: readerName)]
        var answer = context.waitForChange(&records, timeout: 0)
        if answer.isSuccess, records[0].cardPresent {
            records[0].currentState = records[0].eventState
            answer = context.waitForChange(&records, timeout: Self.settleTimeout)
            if answer.rawValue == SCARD_E_TIMEOUT {
                return SmartCardError(.communicationFailed, diagnostic: status.name)
            }
        }
        if answer.meansServiceLost {
            return SmartCardError(.serviceUnavailable, diagnostic: "\(status.name), then \(answer.name)")
        }
        if answer.isSuccess, !records[0].cardPresent {
            return SmartCardError(.cardRemoved, diagnostic: status.name)
        }
        return answer.error ?? SmartCardError(.communicationFailed, diagnostic: status.name)
    }

    /// `SCardReconnect` keeping shared mode and T=1; `disposition` says whether to reset the card.
    func reconnect(disposition: DWORD) throws(SmartCardError) {
        guard isOpen else { throw SmartCardError(.disconnected) }
        var active = DWORD(0)
        try PCSCStatus(SCardReconnect(
            handle, DWORD(SCARD_SHARE_SHARED), DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1), disposition, &active
        )).check()
        activeProtocol = active
    }

    /// The reader's `SCARD_ATTR_MAXINPUT`, when the driver answers it (libccid does: 4 bytes).
    func maxInput() -> Int? {
        guard isOpen else { return nil }
        var value = [UInt8](repeating: 0, count: 8)
        var length = DWORD(value.count)
        let status = PCSCStatus(SCardGetAttrib(handle, CCCD_SCARD_ATTR_MAXINPUT, &value, &length))
        guard status.isSuccess else { return nil }
        // The driver wrote a host-order uint32_t (libccid) or, for some drivers, a DWORD.
        return value.withUnsafeBytes { bytes in
            switch length {
            case 4: Int(bytes.loadUnaligned(as: UInt32.self))
            case 8: Int(exactly: bytes.loadUnaligned(as: UInt64.self))
            default: nil
            }
        }
    }

    /// The driver's model designation (`SCARD_ATTR_VENDOR_IFD_TYPE`), when it answers: Windows-style
    /// drivers do; libccid 1.5 answers only vendor name, version and MAXINPUT, so there the
    /// reader name (built from the USB product string) is what identifies the model.
    func vendorIFDType() -> String? {
        guard isOpen else { return nil }
        var value = [UInt8](repeating: 0, count: 256)
        var length = DWORD(value.count)
        let status = PCSCStatus(SCardGetAttrib(handle, CCCD_SCARD_ATTR_VENDOR_IFD_TYPE, &value, &length))
        guard status.isSuccess, length > 0 else { return nil }
        let text = value.prefix(min(Int(length), value.count)).prefix { $0 != 0 }
        return text.isEmpty ? nil : String(decoding: text, as: UTF8.self)
    }

    /// What the driver says about the reader, for ``ReaderCapabilities/detect(readerName:ifdType:maxInput:)``.
    func capabilities() -> ReaderCapabilities {
        ReaderCapabilities.detect(readerName: readerName, ifdType: vendorIFDType(), maxInput: maxInput())
    }

    /// The ATR and card state as `SCardStatus` reports them now.
    func currentATR() throws(SmartCardError) -> [UInt8] {
        guard isOpen else { throw SmartCardError(.disconnected) }
        var atr = [UInt8](repeating: 0, count: Int(MAX_ATR_SIZE))
        var atrLength = DWORD(atr.count)
        var state = DWORD(0), active = DWORD(0), nameLength = DWORD(0)
        try PCSCStatus(SCardStatus(handle, nil, &nameLength, &state, &active, &atr, &atrLength)).check()
        return Array(atr.prefix(min(Int(atrLength), atr.count)))
    }

    func disconnect(disposition: DWORD) {
        guard isOpen else { return }
        isOpen = false
        SCardDisconnect(handle, disposition)
    }
}
