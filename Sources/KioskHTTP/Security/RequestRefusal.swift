public import CCCDIdentity

/// Why the API refused a request: answered with a short JSON reason, logged by code (never with
/// the request's headers or body), counted in `cccdd_http_refused_total{reason}`.
public struct RequestRefusal: UserFacingError, Equatable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// `Host` is not the daemon's own loopback name and port: DNS rebinding or a misdirected request (421).
        case foreignHost = "http.foreignHost"
        /// `Origin` is neither the daemon's own nor on the allow-list (403).
        case foreignOrigin = "http.foreignOrigin"
        /// No session cookie or bearer token, or a wrong one (401).
        case unauthorized = "http.unauthorized"
        /// A state change without a JSON body: forms and simple requests cannot cross origins unnoticed (415).
        case notJSON = "http.notJSON"
        /// The login link was already used or never issued (403).
        case loginSpent = "http.loginSpent"
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var code: String { reason.rawValue }

    public var status: Int {
        switch reason {
        case .foreignHost: 421
        case .foreignOrigin, .loginSpent: 403
        case .unauthorized: 401
        case .notJSON: 415
        }
    }

    public var message: LocalizedText {
        switch reason {
        case .foreignHost:
            LocalizedText(vi: "Yêu cầu không gửi tới đúng địa chỉ của máy trạm.", en: "The request was not addressed to this kiosk.")
        case .foreignOrigin:
            LocalizedText(vi: "Trang web này không được phép truy cập máy trạm.", en: "This web page may not access the kiosk.")
        case .unauthorized:
            LocalizedText(vi: "Chưa đăng nhập máy trạm.", en: "Not signed in to the kiosk.")
        case .notJSON:
            LocalizedText(vi: "Yêu cầu phải gửi dữ liệu JSON.", en: "The request must carry JSON.")
        case .loginSpent:
            LocalizedText(vi: "Liên kết đăng nhập đã được dùng hoặc không hợp lệ.", en: "The sign-in link was already used or is not valid.")
        }
    }
}
