public import CCCDIdentity

/// Why a trust source (a CSCA certificate, a master list, a CRL, the trust directory) was refused.
///
/// Trust material is public (certificates of issuing states), so a diagnostic may name the file
/// and quote OpenSSL's reason; it never carries card data.
public typealias TrustStoreError = CodedError<TrustStoreFailure>

/// The reasons of `TrustStoreError`: each a stable code with its bilingual message.
public enum TrustStoreFailure: String, ErrorReason, CaseIterable {
    case fileUnreadable = "trust.file.unreadable"
    case certificateUnparsable = "trust.certificate.unparsable"
    /// A certificate offered as a trust anchor is not a CA certificate (basicConstraints cA).
    case notACertificateAuthority = "trust.certificate.notCA"
    case masterListUnparsable = "trust.masterList.malformed"
    /// The CMS content is not a CscaMasterList (eContentType ≠ 2.23.136.1.1.2).
    case masterListWrongContent = "trust.masterList.wrongContentType"
    /// The master list's own CMS signature does not verify: it was altered or corrupted.
    case masterListBadSignature = "trust.masterList.badSignature"
    case crlUnparsable = "trust.crl.malformed"
    case directoryUnwritable = "trust.directory.unwritable"
    case openSSLFailure = "trust.openssl.failure"

    public var message: LocalizedText {
        switch self {
        case .fileUnreadable:
            LocalizedText(vi: "Không đọc được tệp tin cậy", en: "A trust file cannot be read")
        case .certificateUnparsable:
            LocalizedText(vi: "Tệp không chứa chứng thư X.509 hợp lệ", en: "The file does not contain a valid X.509 certificate")
        case .notACertificateAuthority:
            LocalizedText(vi: "Chứng thư không phải của tổ chức cấp chứng thư (CA)", en: "The certificate is not a certificate authority (CA) certificate")
        case .masterListUnparsable:
            LocalizedText(vi: "Danh sách CSCA (master list) không hợp lệ", en: "The CSCA master list is invalid")
        case .masterListWrongContent:
            LocalizedText(vi: "Tệp CMS không chứa danh sách CSCA", en: "The CMS file does not contain a CSCA master list")
        case .masterListBadSignature:
            LocalizedText(vi: "Chữ ký của danh sách CSCA không hợp lệ", en: "The CSCA master list's signature does not verify")
        case .crlUnparsable:
            LocalizedText(vi: "Danh sách thu hồi chứng thư (CRL) không hợp lệ", en: "The certificate revocation list (CRL) is invalid")
        case .directoryUnwritable:
            LocalizedText(vi: "Không ghi được vào thư mục tin cậy", en: "The trust directory cannot be written")
        case .openSSLFailure:
            LocalizedText(vi: "Thư viện mật mã OpenSSL báo lỗi", en: "The OpenSSL cryptographic library reported an error")
        }
    }
}
