public import CCCDIdentity

/// Why the ledger refused or failed an operation. Messages never quote records; the diagnostic
/// names a file, a sequence number or a malformed argument, never an identity.
public typealias LedgerError = CodedError<LedgerFailure>

/// The reasons of `LedgerError`: each a stable code with its bilingual message.
public enum LedgerFailure: String, ErrorReason {
    case unavailable = "ledger.store.unavailable"
    case writeFailed = "ledger.store.writeFailed"
    case readOnly = "ledger.store.readOnly"
    case readFailed = "ledger.store.readFailed"
    case invalidPresentation = "ledger.record.invalid"
    case unknownRecheckTarget = "ledger.record.unknownRecheckTarget"
    case unknownRecheckEntry = "ledger.recheck.unknownEntry"
    case siteSecretTooShort = "ledger.secret.tooShort"
    case deviceKeyUnreadable = "ledger.deviceKey.unreadable"
    case publicKeyUnreadable = "ledger.publicKey.unreadable"
    case siteSecretUnreadable = "ledger.secret.unreadable"
    case malformedCheckpoint = "ledger.checkpoint.malformed"
    case invalidDate = "ledger.query.invalidDate"
    case invalidClaim = "ledger.claim.invalid"
    case exportFailed = "ledger.export.failed"

    public var message: LocalizedText {
        switch self {
        case .unavailable:
            LocalizedText(vi: "Không mở được sổ ghi tra cứu", en: "The lookup ledger cannot be opened")
        case .writeFailed:
            LocalizedText(vi: "Không ghi được vào sổ ghi tra cứu", en: "The lookup ledger could not be written")
        case .readOnly:
            LocalizedText(vi: "Sổ ghi tra cứu được mở chỉ để đọc", en: "The lookup ledger is open read-only")
        case .readFailed:
            LocalizedText(vi: "Không đọc được sổ ghi tra cứu", en: "The lookup ledger could not be read")
        case .invalidPresentation:
            LocalizedText(vi: "Bản ghi lượt tiếp đón không hợp lệ", en: "The presentation record is invalid")
        case .unknownRecheckTarget:
            LocalizedText(vi: "Bản ghi được kiểm tra lại không tồn tại", en: "The re-checked record does not exist")
        case .unknownRecheckEntry:
            LocalizedText(vi: "Không tìm thấy mục cần kiểm tra lại", en: "No such re-check entry")
        case .siteSecretTooShort:
            LocalizedText(vi: "Khóa bí mật của cơ sở quá ngắn (cần ít nhất 16 byte)", en: "The site secret is too short (at least 16 bytes)")
        case .deviceKeyUnreadable:
            LocalizedText(vi: "Không đọc được khóa ký của thiết bị", en: "The device signing key cannot be read")
        case .publicKeyUnreadable:
            LocalizedText(vi: "Không đọc được khóa công khai của thiết bị (cần 64 chữ số hex)", en: "The device public key cannot be read (64 hex digits expected)")
        case .siteSecretUnreadable:
            LocalizedText(vi: "Không đọc được khóa bí mật của cơ sở", en: "The site secret cannot be read")
        case .malformedCheckpoint:
            LocalizedText(vi: "Điểm kiểm tra (checkpoint) không đúng định dạng hoặc sai chữ ký", en: "The checkpoint is malformed or its signature is wrong")
        case .invalidDate:
            LocalizedText(vi: "Ngày không hợp lệ (định dạng YYYY-MM-DD)", en: "Invalid date (expected YYYY-MM-DD)")
        case .invalidClaim:
            LocalizedText(vi: "Tỷ lệ công bố không hợp lệ (ví dụ 95% hoặc 90.6%)", en: "Invalid claimed rate (e.g. 95% or 90.6%)")
        case .exportFailed:
            LocalizedText(vi: "Không xuất được báo cáo", en: "The report could not be exported")
        }
    }
}
