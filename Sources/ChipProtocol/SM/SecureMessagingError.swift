public import CCCDIdentity

/// A protected exchange that cannot be trusted. After any of these the session keys are unusable
/// for this card session except where noted; the reader re-runs PACE or BAC.
public typealias SecureMessagingError = CodedError<SecureMessagingFailure>

public enum SecureMessagingFailure: String, ErrorReason {
    /// DO8E did not verify: tampering, noise or a counter that differs from the chip's.
    /// Both counters advanced, so the next command is still in step.
    case macMismatch = "sm.response.macMismatch"
    /// A protected response without DO99 (the authenticated status word).
    case missingStatusWord = "sm.response.missingDO99"
    /// A successful response that is not protected at all.
    case missingMAC = "sm.response.missingDO8E"
    /// The chip answered 6987/6988: it found our SM objects missing or wrong and has ended
    /// its session (usually a counter desynchronisation).
    case chipReportedDesync = "sm.chip.desync"
    /// DO87 whose first byte is not the padding-content indicator 01.
    case unknownPaddingIndicator = "sm.response.paddingIndicator"
    /// The response's data objects are malformed.
    case malformedResponse = "sm.response.malformed"
    /// Decrypted data does not end in method-2 padding.
    case invalidPadding = "sm.response.invalidPadding"

    public var message: LocalizedText {
        switch self {
        case .macMismatch:
            LocalizedText(vi: "Mã xác thực phản hồi của chip không khớp", en: "The chip response's authentication code does not match")
        case .missingStatusWord, .missingMAC, .unknownPaddingIndicator, .malformedResponse, .invalidPadding:
            LocalizedText(vi: "Phản hồi bảo mật của chip không hợp lệ", en: "The chip's secure-messaging response is invalid")
        case .chipReportedDesync:
            LocalizedText(vi: "Phiên bảo mật với chip bị mất đồng bộ, cần đọc lại thẻ", en: "The secure session with the chip is out of step; read the card again")
        }
    }
}
