public import CCCDIdentity

/// Why opening or reading the chip failed. Transport errors (card removed, reader gone) are not
/// wrapped: they reach the caller as the transport threw them, typed by the reader layer.
public typealias ChipReadError = CodedError<ChipReadFailure>

public enum ChipReadFailure: String, ErrorReason {
    /// PACE answered 63xx to the CAN: it is not this card's (the QR belongs to another card).
    case wrongCardAccessNumber = "chip.access.wrongCAN"
    /// PACE-MRZ answered 63xx, or BAC refused every MRZ key tried.
    case wrongMRZ = "chip.access.wrongMRZ"
    /// 6983: the chip blocked the password after too many wrong attempts.
    case passwordBlocked = "chip.access.passwordBlocked"
    /// Neither a CAN nor MRZ data was given, or the chip offers nothing they can open.
    case noUsableAccessKey = "chip.access.noKey"
    /// SELECT of the eMRTD application failed: not an ICAO travel document or ID card.
    case notAnEMRTD = "chip.application.notFound"
    /// 6982 on a file the read cannot do without (EF.COM).
    case accessDenied = "chip.file.accessDenied"
    /// A required file is missing (6A82).
    case fileNotFound = "chip.file.notFound"
    /// The chip's data contradicts itself: a file shorter than its header, an answer longer than
    /// asked, a header that does not parse.
    case malformedResponse = "chip.response.malformed"
    /// Any status word the protocol has no meaning for at that point.
    case chipRejected = "chip.command.rejected"
    /// Secure messaging broke more often than a re-established session could repair.
    case sessionLost = "chip.session.lost"
    /// The session's time budget ran out.
    case timedOut = "chip.session.timedOut"

    public var message: LocalizedText {
        switch self {
        case .wrongCardAccessNumber:
            LocalizedText(vi: "Mã CAN không khớp với chip: mã QR không thuộc thẻ này", en: "The CAN does not match the chip: the QR code is not this card's")
        case .wrongMRZ:
            LocalizedText(vi: "Thông tin MRZ không mở được chip", en: "The MRZ data does not open the chip")
        case .passwordBlocked:
            LocalizedText(vi: "Mã truy cập thẻ đã bị khóa do nhập sai nhiều lần", en: "The card access password is blocked after too many attempts")
        case .noUsableAccessKey:
            LocalizedText(vi: "Không có khóa truy cập phù hợp để mở chip", en: "No usable access key to open the chip")
        case .notAnEMRTD:
            LocalizedText(vi: "Thẻ không có ứng dụng giấy tờ điện tử ICAO", en: "The card has no ICAO eMRTD application")
        case .accessDenied:
            LocalizedText(vi: "Chip từ chối quyền đọc tệp", en: "The chip denied access to a file")
        case .fileNotFound:
            LocalizedText(vi: "Chip không có tệp cần đọc", en: "A required file is missing on the chip")
        case .malformedResponse:
            LocalizedText(vi: "Dữ liệu chip trả về không hợp lệ", en: "The chip returned malformed data")
        case .chipRejected:
            LocalizedText(vi: "Chip từ chối lệnh", en: "The chip rejected a command")
        case .sessionLost:
            LocalizedText(vi: "Mất phiên bảo mật với chip; giữ yên thẻ và đọc lại", en: "The secure session with the chip was lost; hold the card still and read again")
        case .timedOut:
            LocalizedText(vi: "Đọc chip quá thời gian cho phép", en: "Reading the chip took too long")
        }
    }
}
