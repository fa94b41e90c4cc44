import ChipProtocol
public import CCCDIdentity

/// Why a virtual card could not be built from its profile.
///
/// The chip itself never throws at a reader: protocol faults become status words. These errors
/// are for the operator starting a card (the diagnostic names the file or field, never its
/// personal content).
public typealias VirtualChipError = CodedError<VirtualChipFailure>

public enum VirtualChipFailure: String, ErrorReason {
    case profileUnreadable = "vchip.profile.unreadable"
    case profileInvalid = "vchip.profile.invalid"
    case referencedFileUnreadable = "vchip.profile.fileUnreadable"
    /// A PACE parameter id or cipher this chip cannot run.
    case unsupportedPACEParameters = "vchip.profile.paceParameters"
    /// A Chip Authentication key that is not an EC key on a supported curve.
    case unsupportedChipAuthenticationKey = "vchip.profile.caKey"
    /// The holder's data cannot form a valid MRZ.
    case invalidHolder = "vchip.profile.holder"

    public var message: LocalizedText {
        switch self {
        case .profileUnreadable:
            LocalizedText(vi: "Không đọc được tệp hồ sơ thẻ ảo", en: "The virtual card profile cannot be read")
        case .profileInvalid:
            LocalizedText(vi: "Tệp hồ sơ thẻ ảo không hợp lệ", en: "The virtual card profile is invalid")
        case .referencedFileUnreadable:
            LocalizedText(vi: "Không đọc được tệp mà hồ sơ thẻ ảo tham chiếu", en: "A file named in the virtual card profile cannot be read")
        case .unsupportedPACEParameters:
            LocalizedText(vi: "Tham số PACE của hồ sơ không được hỗ trợ", en: "The profile's PACE parameters are not supported")
        case .unsupportedChipAuthenticationKey:
            LocalizedText(vi: "Khóa xác thực chip phải là khóa EC", en: "The chip authentication key must be an EC key")
        case .invalidHolder:
            LocalizedText(vi: "Dữ liệu chủ thẻ không tạo được MRZ hợp lệ", en: "The holder's data cannot form a valid MRZ")
        }
    }
}
