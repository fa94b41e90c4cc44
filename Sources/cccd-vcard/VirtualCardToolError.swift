import CCCDIdentity
import ChipProtocol

/// A failure of the tool itself, beyond what the chip engine reports, in the project's error shape
/// (stable code, bilingual message, a diagnostic for the operator who ran it: file names,
/// openssl's complaint).
typealias VirtualCardToolError = CodedError<VirtualCardToolFailure>

enum VirtualCardToolFailure: String, ErrorReason {
    /// The profile or a file it names could not be turned into a card.
    case profileUnusable = "vcard.profile.unusable"
    /// `openssl cms -sign` failed or is not installed.
    case signingFailed = "vcard.sod.signingFailed"
    /// EF.SOD could not be written.
    case outputUnwritable = "vcard.sod.unwritable"

    var message: LocalizedText {
        switch self {
        case .profileUnusable:
            LocalizedText(vi: "Không tạo được thẻ ảo từ hồ sơ", en: "The profile cannot be made into a virtual card")
        case .signingFailed:
            LocalizedText(vi: "Ký EF.SOD bằng openssl thất bại", en: "Signing EF.SOD with openssl failed")
        case .outputUnwritable:
            LocalizedText(vi: "Không ghi được tệp EF.SOD", en: "EF.SOD cannot be written")
        }
    }
}

extension VirtualCardToolError {
    /// An error from loading a profile as the typed error the tool reports: the engine's own typed
    /// errors keep their code and diagnostic; anything else becomes `vcard.profile.unusable`.
    static func profileProblem(_ error: any Error) -> any UserFacingError {
        if let typed = error as? any UserFacingError { return typed }
        return VirtualCardToolError(.profileUnusable, diagnostic: String(describing: type(of: error)))
    }
}
