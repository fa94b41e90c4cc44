import CCCDIdentity

extension VerdictReason {
    /// The stable codes a ``CardVerdict`` gives its reasons.
    public enum Code {
        /// `verdict.passiveAuthentication.hashMismatch` / `.badSignature` / `.malformed`: invalid.
        public static func passiveAuthentication(_ outcome: PassiveAuthenticationOutcome) -> String {
            "verdict.passiveAuthentication.\(outcome.name)"
        }
        /// `verdict.documentSigner.untrustedSigner` / `.expired` / `.validUnchained`: invalid when
        /// the chain is required, else (the first two) suspicious.
        public static func documentSigner(_ outcome: PassiveAuthenticationOutcome) -> String {
            "verdict.documentSigner.\(outcome.name)"
        }
        /// Active or Chip Authentication failed: possibly a clone.
        public static let cloneDetectionFailed = "verdict.cloneDetection.failed"
        /// The chip offers AA or CA, but neither proved the chip genuine (not run, not bound by
        /// Passive Authentication, or unsupported).
        public static let cloneDetectionNotProven = "verdict.cloneDetection.notProven"
        public static let qrMismatch = "verdict.qr.mismatch"
        /// A QR was presented, but the chip gives none of the fields to compare it with.
        public static let qrNotCompared = "verdict.qr.notCompared"
        public static let dataGroupsMismatch = "verdict.dataGroups.mismatch"
        /// DG1 or DG13 missing or unreadable: their consistency cannot be checked.
        public static let dataGroupsNotCompared = "verdict.dataGroups.notCompared"
        public static let cardExpired = "verdict.card.expired"
        public static let cardExpiryUnknown = "verdict.card.expiryUnknown"
    }

    static func passiveAuthentication(_ outcome: PassiveAuthenticationOutcome) -> VerdictReason {
        VerdictReason(code: Code.passiveAuthentication(outcome), message: outcome.summary)
    }

    static func documentSigner(_ outcome: PassiveAuthenticationOutcome) -> VerdictReason {
        VerdictReason(code: Code.documentSigner(outcome), message: outcome.summary)
    }

    static let cloneDetectionFailed = VerdictReason(
        code: Code.cloneDetectionFailed,
        message: LocalizedText(vi: "Chip không chứng minh được là chip gốc (có thể là chip sao chép)",
                               en: "The chip failed to prove it is the original (it may be a clone)"))

    static let cloneDetectionNotProven = VerdictReason(
        code: Code.cloneDetectionNotProven,
        message: LocalizedText(vi: "Chưa kiểm tra được chip có phải chip sao chép hay không",
                               en: "Whether the chip is a clone could not be checked"))

    static func qrMismatch(_ fields: [(vi: String, en: String)]) -> VerdictReason {
        VerdictReason(code: Code.qrMismatch, message: LocalizedText(
            vi: "Mã QR và chip không khớp: \(fields.map(\.vi).joined(separator: ", "))",
            en: "The QR code and the chip disagree: \(fields.map(\.en).joined(separator: ", "))"))
    }

    static let qrNotCompared = VerdictReason(
        code: Code.qrNotCompared,
        message: LocalizedText(vi: "Không đối chiếu được mã QR với dữ liệu chip (chip thiếu dữ liệu)",
                               en: "The QR code could not be compared with the chip (chip data missing)"))

    static func dataGroupsMismatch(_ fields: [(vi: String, en: String)]) -> VerdictReason {
        VerdictReason(code: Code.dataGroupsMismatch, message: LocalizedText(
            vi: "Dữ liệu trong chip không thống nhất: \(fields.map(\.vi).joined(separator: ", "))",
            en: "The chip's data groups disagree: \(fields.map(\.en).joined(separator: ", "))"))
    }

    static let dataGroupsNotCompared = VerdictReason(
        code: Code.dataGroupsNotCompared,
        message: LocalizedText(vi: "Không đối chiếu được dữ liệu MRZ (DG1) với dữ liệu công dân (DG13)",
                               en: "The chip's MRZ (DG1) could not be compared with its citizen data (DG13)"))

    static let cardExpired = VerdictReason(
        code: Code.cardExpired,
        message: LocalizedText(vi: "Thẻ đã hết hạn", en: "The card has expired"))

    static let cardExpiryUnknown = VerdictReason(
        code: Code.cardExpiryUnknown,
        message: LocalizedText(vi: "Không đọc được ngày hết hạn của thẻ", en: "The card's expiry date could not be read"))
}
