public import CCCDIdentity

/// Why the re-check store could not be used. The diagnostic names the file, never a row.
public struct RecheckStoreError: UserFacingError, Equatable {
    public enum Reason: String, Sendable, Hashable {
        case unavailable = "recheck.store.unavailable"
        case unknownEntry = "recheck.store.unknownEntry"
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
        case .unavailable:
            LocalizedText(vi: "Không mở được hàng đợi kiểm tra lại thẻ BHYT", en: "The eligibility re-check queue cannot be opened")
        case .unknownEntry:
            LocalizedText(vi: "Không tìm thấy mục cần kiểm tra lại", en: "No such re-check entry")
        }
    }
}
