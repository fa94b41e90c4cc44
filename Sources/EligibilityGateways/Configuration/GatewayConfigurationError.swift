public import CCCDIdentity

/// Why the gateway configuration cannot be used. Fails loudly at start-up (spec §6) instead of
/// leaving the kiosk to discover a missing credential at the first patient.
///
/// Diagnostic: A file path, section or adapter name — never a secret's content.
public typealias GatewayConfigurationError = CodedError<GatewayConfigurationFailure>

/// The reasons of `GatewayConfigurationError`: each a stable code with its bilingual message.
public enum GatewayConfigurationFailure: String, ErrorReason {
    case unreadable = "gateway.config.unreadable"
    case invalid = "gateway.config.invalid"
    case missingSection = "gateway.config.missingSection"
    case unknownAdapter = "gateway.config.unknownAdapter"
    case secretUnreadable = "gateway.config.secretUnreadable"
    case secretExposed = "gateway.config.secretExposed"

    public var message: LocalizedText {
        switch self {
        case .unreadable:
            LocalizedText(vi: "Không đọc được tệp cấu hình cổng giám định", en: "The gateway configuration file cannot be read")
        case .invalid:
            LocalizedText(vi: "Tệp cấu hình cổng giám định không hợp lệ", en: "The gateway configuration file is invalid")
        case .missingSection:
            LocalizedText(vi: "Thiếu phần cấu hình cho cổng giám định được chọn", en: "A selected gateway has no configuration section")
        case .unknownAdapter:
            LocalizedText(vi: "Tên cổng giám định không được hỗ trợ", en: "Unknown gateway adapter name")
        case .secretUnreadable:
            LocalizedText(vi: "Không đọc được tệp mật khẩu", en: "The secret file cannot be read")
        case .secretExposed:
            LocalizedText(vi: "Tệp mật khẩu không được để người khác đọc (chmod 600)",
                          en: "The secret file must not be readable by others (chmod 600)")
        }
    }
}
