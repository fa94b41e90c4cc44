public import CCCDIdentity

/// BER-TLV bytes that cannot be trusted: the parser stops instead of guessing.
public typealias TLVError = CodedError<TLVFailure>

public enum TLVFailure: String, ErrorReason {
    case truncatedTag = "tlv.tag.truncated"
    case tagTooLong = "tlv.tag.tooLong"
    case truncatedLength = "tlv.length.truncated"
    case indefiniteLength = "tlv.length.indefinite"
    case unsupportedLengthForm = "tlv.length.unsupportedForm"
    case valueOverrunsInput = "tlv.value.overrunsInput"
    case unexpectedTag = "tlv.tag.unexpected"
    case missingObject = "tlv.object.missing"
    case trailingBytes = "tlv.object.trailingBytes"

    public var message: LocalizedText {
        switch self {
        case .truncatedTag, .truncatedLength, .valueOverrunsInput:
            LocalizedText(vi: "Dữ liệu từ chip bị cắt cụt", en: "Data from the chip is truncated")
        case .tagTooLong, .indefiniteLength, .unsupportedLengthForm:
            LocalizedText(vi: "Dữ liệu từ chip có mã hóa không được hỗ trợ", en: "Data from the chip uses an unsupported encoding")
        case .unexpectedTag, .missingObject, .trailingBytes:
            LocalizedText(vi: "Dữ liệu từ chip không đúng cấu trúc mong đợi", en: "Data from the chip does not have the expected structure")
        }
    }
}
