public import CCCDIdentity

/// Why a private-key file could not be used (virtual chip keys, test signers).
///
/// Messages never quote key material; the diagnostic names only the PEM label or OpenSSL's
/// reason strings.
public typealias KeyFileError = CodedError<KeyFileFailure>

/// The reasons of `KeyFileError`: each a stable code with its bilingual message.
public enum KeyFileFailure: String, ErrorReason, CaseIterable {
    /// No `-----BEGIN … -----END` block, or its body is not base64.
    case notPEM = "crypto.keyFile.notPEM"
    /// A passphrase-protected key: the virtual chip has nobody to ask for the passphrase.
    case encrypted = "crypto.keyFile.encrypted"
    /// DER that OpenSSL does not read as a private key.
    case unreadable = "crypto.keyFile.unreadable"
    /// A key type other than RSA or EC on a named curve ICAO uses.
    case unsupportedKeyType = "crypto.keyFile.unsupportedType"

    public var message: LocalizedText {
        switch self {
        case .notPEM:
            LocalizedText(vi: "Tệp khóa không ở định dạng PEM", en: "The key file is not in PEM format")
        case .encrypted:
            LocalizedText(vi: "Tệp khóa được mã hóa bằng mật khẩu, không dùng được", en: "The key file is passphrase-protected and cannot be used")
        case .unreadable:
            LocalizedText(vi: "Không đọc được khóa riêng trong tệp", en: "The private key in the file cannot be read")
        case .unsupportedKeyType:
            LocalizedText(vi: "Loại khóa không được hỗ trợ (chỉ RSA hoặc EC)", en: "Unsupported key type (RSA or EC only)")
        }
    }
}
