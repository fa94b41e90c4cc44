public import CCCDIdentity

/// Why Passive Authentication could not even start checking: the reason inside
/// ``PassiveAuthenticationOutcome/malformed(_:)``. Also a ``UserFacingError`` so the CLI and the
/// kiosk can show it like any other error.
public typealias MalformedSOD = CodedError<MalformedSODReason>

/// The reasons of `MalformedSOD`: each a stable code with its bilingual message.
public enum MalformedSODReason: String, ErrorReason, CaseIterable {
    case missingSOD = "pa.sod.missing"
    case noDataGroups = "pa.dataGroups.missing"
    case unparsable = "pa.sod.unparsable"
    /// eContentType or the contentType attribute is not id-ldsSecurityObject.
    case wrongContentType = "pa.sod.wrongContentType"
    /// ICAO requires exactly one SignerInfo.
    case signerCount = "pa.sod.signerCount"
    case noSignerCertificate = "pa.sod.noSignerCertificate"
    /// Without signed attributes the signature would not cover the content type.
    case noSignedAttributes = "pa.sod.noSignedAttributes"
    /// Versions or signatureAlgorithm contradict the signer identifier, key or digest.
    case inconsistentSignerInfo = "pa.sod.inconsistentSignerInfo"
    case invalidSigningTime = "pa.sod.invalidSigningTime"
    /// The SOD names a digest this reader cannot compute.
    case unsupportedHashAlgorithm = "pa.sod.unsupportedHash"
    /// OpenSSL and the LDS parser read different eContent from the same bytes.
    case parserDisagreement = "pa.sod.parserDisagreement"

    public var message: LocalizedText {
        switch self {
        case .missingSOD:
            LocalizedText(vi: "Thiếu tệp EF.SOD (chữ ký dữ liệu)", en: "EF.SOD (the data signature) is missing")
        case .noDataGroups:
            LocalizedText(vi: "Không có nhóm dữ liệu nào để kiểm tra", en: "There is no data group to verify")
        case .unparsable:
            LocalizedText(vi: "Tệp EF.SOD không đọc được", en: "EF.SOD cannot be parsed")
        case .wrongContentType:
            LocalizedText(vi: "EF.SOD không ký đối tượng bảo mật LDS", en: "EF.SOD does not sign an LDS security object")
        case .signerCount:
            LocalizedText(vi: "EF.SOD phải có đúng một chữ ký", en: "EF.SOD must have exactly one signer")
        case .noSignerCertificate:
            LocalizedText(vi: "EF.SOD không chứa chứng thư của bên ký", en: "EF.SOD does not contain the document signer certificate")
        case .noSignedAttributes:
            LocalizedText(vi: "Chữ ký trong EF.SOD thiếu thuộc tính được ký", en: "The EF.SOD signature has no signed attributes")
        case .inconsistentSignerInfo:
            LocalizedText(vi: "Thông tin chữ ký trong EF.SOD không nhất quán", en: "The signer information in EF.SOD is inconsistent")
        case .invalidSigningTime:
            LocalizedText(vi: "Thời điểm ký trong EF.SOD không hợp lệ", en: "The signing time in EF.SOD is invalid")
        case .unsupportedHashAlgorithm:
            LocalizedText(vi: "EF.SOD dùng thuật toán băm không được hỗ trợ", en: "EF.SOD uses an unsupported hash algorithm")
        case .parserDisagreement:
            LocalizedText(vi: "Nội dung EF.SOD được đọc không nhất quán", en: "EF.SOD's content reads inconsistently")
        }
    }
}
