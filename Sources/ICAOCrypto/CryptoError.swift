public import CCCDIdentity

/// Why a cryptographic operation refused its input or failed.
///
/// Secure messaging and PACE turn most of these into their own protocol errors; the crypto layer
/// only says what was wrong with the bytes it was handed. Messages never quote keys or data: the
/// `diagnostic` carries OpenSSL's own error queue (function and reason names only) for operators.
public typealias CryptoError = CodedError<CryptoFailure>

/// The reasons of `CryptoError`: each a stable code with its bilingual message.
public enum CryptoFailure: String, ErrorReason, CaseIterable {
    case invalidKeyLength = "crypto.key.invalidLength"
    case invalidDataLength = "crypto.data.notBlockAligned"
    case invalidIV = "crypto.iv.invalidLength"
    case invalidPadding = "crypto.padding.invalid"
    case invalidPoint = "crypto.ec.invalidPoint"
    case pointAtInfinity = "crypto.ec.pointAtInfinity"
    case invalidGroupElement = "crypto.dh.invalidElement"
    case invalidScalar = "crypto.scalar.invalid"
    case unsupportedAlgorithm = "crypto.algorithm.unsupported"
    case randomSourceFailed = "crypto.random.failed"
    case openSSLFailure = "crypto.openssl.failure"

    public var message: LocalizedText {
        switch self {
        case .invalidKeyLength:
            LocalizedText(vi: "Khóa mật mã có độ dài không hợp lệ", en: "Cryptographic key has an invalid length")
        case .invalidDataLength:
            LocalizedText(vi: "Dữ liệu không khớp với kích thước khối mã", en: "Data is not a whole number of cipher blocks")
        case .invalidIV:
            LocalizedText(vi: "Vectơ khởi tạo có độ dài không hợp lệ", en: "Initialisation vector has an invalid length")
        case .invalidPadding:
            LocalizedText(vi: "Phần đệm dữ liệu không hợp lệ", en: "Data padding is invalid")
        case .invalidPoint:
            LocalizedText(vi: "Điểm đường cong elliptic không hợp lệ", en: "Elliptic-curve point is invalid")
        case .pointAtInfinity:
            LocalizedText(vi: "Kết quả là điểm vô cực", en: "Result is the point at infinity")
        case .invalidGroupElement:
            LocalizedText(vi: "Phần tử nhóm Diffie-Hellman không hợp lệ", en: "Diffie-Hellman group element is invalid")
        case .invalidScalar:
            LocalizedText(vi: "Số vô hướng nằm ngoài khoảng cho phép", en: "Scalar is out of range")
        case .unsupportedAlgorithm:
            LocalizedText(vi: "Thuật toán mật mã không được hỗ trợ", en: "Cryptographic algorithm is not supported")
        case .randomSourceFailed:
            LocalizedText(vi: "Không tạo được số ngẫu nhiên", en: "Random number generation failed")
        case .openSSLFailure:
            LocalizedText(vi: "Thư viện mật mã OpenSSL báo lỗi", en: "The OpenSSL cryptographic library reported an error")
        }
    }
}
