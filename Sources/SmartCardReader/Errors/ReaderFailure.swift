public import CCCDIdentity
public import ChipProtocol

/// An error of the card-access layer: a reason plus an operator-only diagnostic naming the PC/SC
/// status (e.g. `SCARD_W_REMOVED_CARD (0x80100069)`). Never carries APDU bytes.
///
/// It shares ``CodedError`` with the chip protocol so a reading session handles reader and
/// protocol failures the same way (stable code, bilingual message).
public typealias SmartCardError = CodedError<ReaderFailure>

/// Why talking to a reader or card failed, grouped by what the kiosk should do next.
public enum ReaderFailure: String, ErrorReason, CaseIterable {
    /// The card left the field (or was never there): ask the patient to tap again.
    case cardRemoved = "reader.card.removed"
    /// The card was reset (by another application or the reader); the connection was re-established
    /// but every session state on the card (selected application, secure messaging) is gone.
    case cardReset = "reader.card.reset"
    /// The card does not answer (mute, unpowered, unsupported ATR).
    case cardUnresponsive = "reader.card.unresponsive"
    /// The reader was unplugged or the driver dropped it.
    case readerUnavailable = "reader.unavailable"
    /// Another application holds the reader exclusively.
    case readerBusy = "reader.busy"
    /// No reader with that name, or none at all.
    case noReader = "reader.notFound"
    /// The PC/SC service (pcscd) is not running or was restarted; reconnect.
    case serviceUnavailable = "reader.service.unavailable"
    /// pcscd refused this user. pcsc-lite ≥ 2 asks polkit; a system-service user needs a polkit
    /// rule allowing `org.debian.pcsc-lite.access_pcsc` and `…access_card`. Which status codes a
    /// polkit denial produces is not documented [?]: both access-denied codes map here.
    case accessDenied = "reader.service.accessDenied"
    /// The reader or card did not answer in time.
    case timeout = "reader.timeout"
    /// The card answered something that is not an APDU response (fewer than 2 bytes).
    case malformedResponse = "reader.response.malformed"
    /// The connection was closed by this program.
    case disconnected = "reader.connection.closed"
    /// Any other PC/SC failure; the diagnostic names the status.
    case communicationFailed = "reader.communication.failed"

    public var message: LocalizedText {
        switch self {
        case .cardRemoved:
            LocalizedText(vi: "Thẻ đã bị rút ra khỏi đầu đọc", en: "The card was removed from the reader")
        case .cardReset:
            LocalizedText(vi: "Thẻ đã bị khởi động lại, cần đọc lại từ đầu", en: "The card was reset; start reading again")
        case .cardUnresponsive:
            LocalizedText(vi: "Thẻ không phản hồi", en: "The card does not respond")
        case .readerUnavailable:
            LocalizedText(vi: "Đầu đọc thẻ không còn khả dụng", en: "The card reader is no longer available")
        case .readerBusy:
            LocalizedText(vi: "Đầu đọc thẻ đang được ứng dụng khác sử dụng", en: "The card reader is in use by another application")
        case .noReader:
            LocalizedText(vi: "Không tìm thấy đầu đọc thẻ", en: "No card reader found")
        case .serviceUnavailable:
            LocalizedText(vi: "Dịch vụ đầu đọc thẻ (pcscd) không hoạt động", en: "The smart card service (pcscd) is not available")
        case .accessDenied:
            LocalizedText(
                vi: "Dịch vụ đầu đọc thẻ (pcscd) từ chối quyền truy cập của chương trình",
                en: "The smart card service (pcscd) denied access to this program"
            )
        case .timeout:
            LocalizedText(vi: "Đầu đọc thẻ không trả lời kịp thời", en: "The card reader did not answer in time")
        case .malformedResponse:
            LocalizedText(vi: "Phản hồi của thẻ không hợp lệ", en: "The card's response is malformed")
        case .disconnected:
            LocalizedText(vi: "Kết nối tới thẻ đã đóng", en: "The card connection is closed")
        case .communicationFailed:
            LocalizedText(vi: "Lỗi giao tiếp với đầu đọc thẻ", en: "Communication with the card reader failed")
        }
    }
}
