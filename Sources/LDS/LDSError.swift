public import CCCDIdentity
import ChipProtocol

/// Why a file of the chip's Logical Data Structure was refused.
///
/// Messages name the file, never its contents; the diagnostic says where the structure broke
/// (an offset, a tag, a field number) for the operator only. Files are covered by the SOD hashes,
/// so a malformed file is either a chip fault or tampering: the parser stops instead of guessing.
public typealias LDSError = CodedError<LDSFailure>

public enum LDSFailure: String, ErrorReason {
    /// Fewer bytes than a tag and its length: the reader cannot know how much to read.
    case truncatedHeader = "lds.header.truncated"
    /// The file does not start with the tag its file identifier implies.
    case unexpectedFileTag = "lds.header.unexpectedTag"
    /// The declared length is beyond any real LDS file (a hostile or corrupted chip).
    case lengthTooLarge = "lds.header.lengthTooLarge"
    case malformedCOM = "lds.com.malformed"
    case malformedDG1 = "lds.dg1.malformed"
    case malformedDG2 = "lds.dg2.malformed"
    /// DG2 parsed, but no JPEG or JPEG 2000 image was found in any biometric data block.
    case noFaceImage = "lds.dg2.noImage"
    case malformedDG13 = "lds.dg13.malformed"
    /// The same DG13 field number appears twice: which one the card means is unknowable.
    case duplicateDG13Field = "lds.dg13.duplicateField"
    /// A known DG13 field whose value does not have its documented form (a date, a sex, 12 digits).
    case invalidDG13Field = "lds.dg13.invalidField"
    case malformedDG14 = "lds.dg14.malformed"
    case malformedDG15 = "lds.dg15.malformed"
    case malformedSOD = "lds.sod.malformed"
    /// The SOD's signed content is not an LDS security object (eContentType ≠ 2.23.136.1.1.1).
    case unexpectedSODContent = "lds.sod.unexpectedContent"
    /// The SOD names a digest this reader cannot compute.
    case unsupportedHashAlgorithm = "lds.sod.unsupportedHash"
    /// A builder was handed values it cannot encode (tests, the virtual chip).
    case invalidBuilderInput = "lds.builder.invalidInput"

    public var message: LocalizedText {
        switch self {
        case .truncatedHeader:
            LocalizedText(vi: "Phần đầu tệp trên chip bị cắt cụt", en: "A chip file header is truncated")
        case .unexpectedFileTag:
            LocalizedText(vi: "Tệp trên chip không có thẻ mong đợi", en: "A chip file does not start with the expected tag")
        case .lengthTooLarge:
            LocalizedText(vi: "Tệp trên chip khai báo độ dài bất hợp lý", en: "A chip file declares an implausible length")
        case .malformedCOM:
            LocalizedText(vi: "Tệp EF.COM của chip không hợp lệ", en: "The chip's EF.COM file is invalid")
        case .malformedDG1:
            LocalizedText(vi: "Nhóm dữ liệu DG1 (MRZ) của chip không hợp lệ", en: "The chip's DG1 (MRZ) is invalid")
        case .malformedDG2:
            LocalizedText(vi: "Nhóm dữ liệu DG2 (ảnh khuôn mặt) của chip không hợp lệ", en: "The chip's DG2 (face image) is invalid")
        case .noFaceImage:
            LocalizedText(vi: "Không tìm thấy ảnh JPEG hay JPEG 2000 trong DG2", en: "No JPEG or JPEG 2000 image was found in DG2")
        case .malformedDG13:
            LocalizedText(vi: "Nhóm dữ liệu DG13 (thông tin công dân) của chip không hợp lệ", en: "The chip's DG13 (citizen data) is invalid")
        case .duplicateDG13Field:
            LocalizedText(vi: "DG13 chứa một trường hai lần", en: "DG13 contains the same field twice")
        case .invalidDG13Field:
            LocalizedText(vi: "Một trường của DG13 không đúng định dạng", en: "A DG13 field does not have its expected format")
        case .malformedDG14:
            LocalizedText(vi: "Nhóm dữ liệu DG14 (khóa xác thực chip) không hợp lệ", en: "The chip's DG14 (chip authentication keys) is invalid")
        case .malformedDG15:
            LocalizedText(vi: "Nhóm dữ liệu DG15 (khóa xác thực chủ động) không hợp lệ", en: "The chip's DG15 (active authentication key) is invalid")
        case .malformedSOD:
            LocalizedText(vi: "Tệp EF.SOD (chữ ký dữ liệu) của chip không hợp lệ", en: "The chip's EF.SOD (data signature) is invalid")
        case .unexpectedSODContent:
            LocalizedText(vi: "EF.SOD không chứa đối tượng bảo mật LDS", en: "EF.SOD does not contain an LDS security object")
        case .unsupportedHashAlgorithm:
            LocalizedText(vi: "EF.SOD dùng thuật toán băm không được hỗ trợ", en: "EF.SOD uses an unsupported hash algorithm")
        case .invalidBuilderInput:
            LocalizedText(vi: "Không thể mã hóa dữ liệu đã cho thành tệp LDS", en: "The given data cannot be encoded as an LDS file")
        }
    }
}
