public import CCCDIdentity

/// A command or response APDU that cannot be encoded or decoded.
public typealias APDUError = CodedError<APDUFailure>

public enum APDUFailure: String, ErrorReason {
    case commandTooShort = "apdu.command.tooShort"
    case lengthMismatch = "apdu.command.lengthMismatch"
    case dataTooLong = "apdu.command.dataTooLong"
    case invalidExpectedLength = "apdu.command.invalidLe"
    case responseTooShort = "apdu.response.tooShort"

    public var message: LocalizedText {
        switch self {
        case .commandTooShort, .lengthMismatch:
            LocalizedText(vi: "Lệnh APDU có cấu trúc không hợp lệ", en: "Command APDU is malformed")
        case .dataTooLong:
            LocalizedText(vi: "Dữ liệu lệnh APDU quá dài", en: "Command APDU data is too long")
        case .invalidExpectedLength:
            LocalizedText(vi: "Độ dài phản hồi mong đợi (Le) không hợp lệ", en: "Expected response length (Le) is invalid")
        case .responseTooShort:
            LocalizedText(vi: "Thẻ trả lời thiếu mã trạng thái", en: "Card response has no status word")
        }
    }
}
