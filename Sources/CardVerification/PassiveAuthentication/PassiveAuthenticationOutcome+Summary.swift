public import CCCDIdentity

extension PassiveAuthenticationOutcome {
    /// One sentence for reception staff and operators, free of personal data.
    public var summary: LocalizedText {
        switch self {
        case .valid:
            LocalizedText(vi: "Chữ ký và dữ liệu hợp lệ, do cơ quan cấp đáng tin cậy ký",
                          en: "Signature and data valid, signed under a trusted issuing authority")
        case .validUnchained:
            LocalizedText(vi: "Chữ ký và dữ liệu hợp lệ, nhưng chưa xác minh được cơ quan cấp (chưa nạp chứng thư CSCA)",
                          en: "Signature and data valid, but the issuer is not verified (its CSCA is not loaded)")
        case .hashMismatch(let group):
            LocalizedText(vi: "Dữ liệu \(group) trên chip không khớp với chữ ký", en: "The chip's \(group) does not match the signature")
        case .badSignature:
            LocalizedText(vi: "Chữ ký dữ liệu trên chip không hợp lệ", en: "The chip's data signature is invalid")
        case .untrustedSigner:
            LocalizedText(vi: "Chứng thư ký dữ liệu không được cơ quan cấp tin cậy xác nhận",
                          en: "The document signer certificate is not vouched for by a trusted issuer")
        case .expired:
            LocalizedText(vi: "Chứng thư ký dữ liệu đã hết hạn hoặc chưa có hiệu lực",
                          en: "The document signer certificate is expired or not yet valid")
        case .malformed(let reason):
            reason.message
        }
    }
}
