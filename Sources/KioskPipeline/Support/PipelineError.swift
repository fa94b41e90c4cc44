public import CCCDIdentity

/// Problems of the desk's flow itself (not of the chip, the gateway or the ledger, which have
/// their own typed errors).
public struct PipelineError: UserFacingError, Equatable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case busy = "session.busy"
        case ledgerUnavailable = "ledger.appendFailed"
        case chipReadFailed = "chip.read.failed"
    }

    public var reason: Reason
    public var diagnostic: String?

    public init(_ reason: Reason, diagnostic: String? = nil) {
        self.reason = reason
        self.diagnostic = diagnostic
    }

    public var code: String { reason.rawValue }

    public var message: LocalizedText {
        switch reason {
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
