public import CCCDIdentity

/// Why PACE did not open the chip. ``PACEFailure/isFallbackToBAC`` tells the reader whether
/// trying BAC makes sense.
public typealias PACEError = CodedError<PACEFailure>

public enum PACEFailure: String, ErrorReason {
    case malformedSecurityInfos = "pace.cardAccess.malformed"
    /// IM, CAM or proprietary domain parameters: not implemented by this reader.
    case unsupportedProtocol = "pace.protocol.unsupported"
    case invalidPassword = "pace.password.invalid"
    /// MSE:Set AT refused: the chip does not accept these parameters.
    case setupRejected = "pace.chip.setupRejected"
    /// 63xx during GENERAL AUTHENTICATE: the CAN or MRZ is wrong.
    case wrongPassword = "pace.password.wrong"
    /// 6983: too many wrong attempts; the password is blocked (a CAN then needs the card's PIN).
    case passwordBlocked = "pace.password.blocked"
    /// Any other status word during GENERAL AUTHENTICATE.
    case chipRejected = "pace.chip.rejected"
    /// The chip's dynamic authentication data is missing objects or holds an invalid key.
    case invalidChipResponse = "pace.chip.invalidResponse"
    /// The chip's authentication token T_IC does not verify: it does not share our keys.
    case chipTokenMismatch = "pace.chip.tokenMismatch"
    /// The state machine was driven out of order (a caller bug, not a chip fault).
    case outOfSequence = "pace.protocol.outOfSequence"

    /// Failures where the chip or this reader cannot do PACE at all (so BAC is worth trying), as
    /// opposed to a wrong password or a misbehaving chip.
    public var isFallbackToBAC: Bool {
        self == .malformedSecurityInfos || self == .unsupportedProtocol || self == .setupRejected
    }

    public var message: LocalizedText {
        switch self {
        case .malformedSecurityInfos:
            LocalizedText(vi: "Tệp EF.CardAccess của chip không hợp lệ", en: "The chip's EF.CardAccess file is invalid")
        case .unsupportedProtocol:
            LocalizedText(vi: "Chip dùng biến thể PACE chưa được hỗ trợ", en: "The chip uses a PACE variant that is not supported")
        case .invalidPassword:
            LocalizedText(vi: "Mã CAN phải gồm các chữ số", en: "The CAN must consist of digits")
        case .setupRejected:
            LocalizedText(vi: "Chip từ chối các tham số PACE", en: "The chip rejected the PACE parameters")
        case .wrongPassword:
            LocalizedText(vi: "Mã truy cập thẻ (CAN/MRZ) không đúng", en: "The card access number (CAN/MRZ) is wrong")
        case .passwordBlocked:
            LocalizedText(vi: "Mã truy cập thẻ đã bị khóa do nhập sai nhiều lần", en: "The card access password is blocked after too many attempts")
        case .chipRejected:
            LocalizedText(vi: "Chip từ chối lệnh xác thực PACE", en: "The chip rejected a PACE authentication command")
        case .outOfSequence:
            LocalizedText(vi: "Lỗi nội bộ: các bước PACE bị gọi sai thứ tự", en: "Internal error: PACE steps were run out of order")
        case .invalidChipResponse, .chipTokenMismatch:
            LocalizedText(vi: "Phản hồi xác thực của chip không hợp lệ", en: "The chip's authentication response is invalid")
        }
    }
}
