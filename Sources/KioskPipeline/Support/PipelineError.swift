public import CCCDIdentity

/// Problems of the desk's flow itself (not of the chip, the gateway or the ledger, which have
/// their own typed errors).
public typealias PipelineError = CodedError<PipelineFailure>

/// The reasons of `PipelineError`: each a stable code with its bilingual message.
public enum PipelineFailure: String, ErrorReason, CaseIterable {
    case busy = "session.busy"
    case ledgerUnavailable = "ledger.appendFailed"
    case chipReadFailed = "chip.read.failed"

    public var message: LocalizedText {
        switch self {
        case .busy:
            LocalizedText(vi: "Đang xử lý người bệnh trước, vui lòng chờ.", en: "Still handling the previous patient, please wait.")
        case .ledgerUnavailable:
            LocalizedText(vi: "Không ghi được sổ tra cứu: ghi nhận thủ công và báo quản trị.",
                          en: "The lookup could not be recorded: note it by hand and tell the administrator.")
        case .chipReadFailed:
            LocalizedText(vi: "Không đọc được chip: đặt lại thẻ và giữ yên.", en: "The chip could not be read: place the card again and hold it still.")
        }
    }
}
