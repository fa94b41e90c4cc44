public import CCCDIdentity

/// Why a gateway gave no usable answer. Safe for logs and metrics by construction: it holds a
/// stable code and fixed bilingual text, never a URL, a response body or an identifier.
public struct GatewayProblem: UserFacingError, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case timeout = "gateway.timeout"
        case unreachable = "gateway.unreachable"
        case httpStatus = "gateway.httpStatus"
        case unreadableAnswer = "gateway.unreadableAnswer"
        case throttled = "gateway.throttled"
        case loginRejected = "gateway.loginRejected"
        /// HTTP 403: typically the kiosk's source IP is not registered with BHXH (spec §1).
        case accessDenied = "gateway.accessDenied"
        case notConfigured = "gateway.notConfigured"
        case circuitOpen = "gateway.circuitOpen"
        case requeryLoop = "gateway.requeryLoop"
        case cancelled = "gateway.cancelled"
        case offline = "gateway.offline"
    }

    public var kind: Kind
    /// An HTTP status, when one explains the problem (never a body or URL).
    public var httpStatus: Int?

    public init(_ kind: Kind, httpStatus: Int? = nil) {
        self.kind = kind
        self.httpStatus = httpStatus
    }

    public var code: String { kind.rawValue }

    /// Problems only a person can fix (credentials, registration, addresses): never retried, and
    /// reported as a configuration error rather than a transient failure.
    public var needsConfiguration: Bool {
        switch kind {
        case .loginRejected, .accessDenied, .notConfigured: true
        default: false
        }
    }

    public var message: LocalizedText {
        switch kind {
        case .timeout:
            LocalizedText(vi: "Cổng giám định BHXH không trả lời kịp thời", en: "The BHXH gateway did not answer in time")
        case .unreachable:
            LocalizedText(vi: "Không kết nối được tới cổng giám định", en: "The eligibility gateway cannot be reached")
        case .httpStatus:
            LocalizedText(vi: "Cổng giám định trả về lỗi máy chủ", en: "The eligibility gateway answered with a server error")
        case .unreadableAnswer:
            LocalizedText(vi: "Không đọc được phản hồi của cổng giám định", en: "The eligibility gateway's answer could not be read")
        case .throttled:
            LocalizedText(vi: "Cổng giám định đang giới hạn số lượt tra cứu", en: "The eligibility gateway is throttling this account")
        case .loginRejected:
            LocalizedText(vi: "Tài khoản cổng giám định bị từ chối đăng nhập", en: "The gateway account was refused at login")
        case .accessDenied:
            LocalizedText(vi: "Cổng giám định từ chối truy cập (địa chỉ IP chưa đăng ký?)",
                          en: "The gateway refused access (source IP not registered?)")
        case .notConfigured:
            LocalizedText(vi: "Chưa cấu hình cổng giám định", en: "The eligibility gateway is not configured")
        case .circuitOpen:
            LocalizedText(vi: "Cổng giám định đang gián đoạn, tạm ngừng tra cứu", en: "The eligibility gateway is down; lookups are paused")
        case .requeryLoop:
            LocalizedText(vi: "Thẻ mới cũng được báo là đã thay thế", en: "The new card was itself reported as replaced")
        case .cancelled:
            LocalizedText(vi: "Tra cứu đã bị hủy", en: "The lookup was cancelled")
        case .offline:
            LocalizedText(vi: "Chế độ ngoại tuyến: chưa tra cứu, sẽ kiểm tra lại sau", en: "Offline mode: not looked up, queued for a later check")
        }
    }
}
