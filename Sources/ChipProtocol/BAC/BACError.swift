public import CCCDIdentity

/// Why Basic Access Control did not open the chip.
public typealias BACError = CodedError<BACFailure>

public enum BACFailure: String, ErrorReason {
    case invalidDocumentNumber = "bac.mrz.invalidDocumentNumber"
    case invalidDate = "bac.mrz.invalidDate"
    /// The chip refused MUTUAL AUTHENTICATE (6300/6982): the MRZ data does not match the card.
    case accessDenied = "bac.accessDenied"
    /// Any other status word from GET CHALLENGE or MUTUAL AUTHENTICATE.
    case chipRejected = "bac.chip.rejected"
    /// The chip's answer has the wrong length or a MAC that does not verify.
    case invalidChipResponse = "bac.chip.invalidResponse"
    /// The chip's decrypted answer does not echo our challenge: not the chip we are talking to.
    case challengeMismatch = "bac.chip.challengeMismatch"

    public var message: LocalizedText {
        switch self {
        case .invalidDocumentNumber:
            LocalizedText(vi: "Số giấy tờ trong MRZ không hợp lệ", en: "The MRZ document number is invalid")
        case .invalidDate:
            LocalizedText(vi: "Ngày trong MRZ phải có dạng YYMMDD", en: "MRZ dates must be YYMMDD")
        case .accessDenied:
            LocalizedText(vi: "Chip từ chối khóa truy cập: thông tin MRZ không khớp với thẻ", en: "The chip refused the access key: the MRZ data does not match the card")
        case .chipRejected:
            LocalizedText(vi: "Chip từ chối lệnh xác thực BAC", en: "The chip rejected a BAC authentication command")
        case .invalidChipResponse, .challengeMismatch:
            LocalizedText(vi: "Phản hồi xác thực của chip không hợp lệ", en: "The chip's authentication response is invalid")
        }
    }
}
