import CCCDIdentity
import CoreMetrics
import Foundation
public import Hummingbird
public import Logging

/// Every request passes here first: `Host`, then `Origin`, then the session token, then "no state
/// change without JSON"; CORS headers only for allow-listed origins; no-store and framing headers
/// on every answer. The order matters: a foreign page learns nothing, not even whether it is
/// signed in.
public struct LoopbackGuard<Context: RequestContext>: RouterMiddleware {
    let policy: OriginPolicy
    let tokens: AccessTokens
    let logger: Logger

    /// Paths served without the token: the page's own files (no personal data) and health.
    static func isPublic(_ path: String) -> Bool {
        path == "/" || path == "/healthz" || path == "/metrics" || EmbeddedAssets.file(at: path) != nil
    }

    public init(policy: OriginPolicy, tokens: AccessTokens, logger: Logger) {
        self.policy = policy
        self.tokens = tokens
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard policy.acceptsHost(request.head.authority) else { return refuse(.foreignHost) }
        let origin = request.headers[.origin]
        if let origin, !policy.acceptsOrigin(origin) { return refuse(.foreignOrigin) }
        if request.method == .options {
            guard let origin, policy.isAllowListed(origin) else { return refuse(.foreignOrigin) }
            return Self.secured(Self.withCORS(Response(status: .noContent), origin: origin, preflight: true))
        }
        if !Self.isPublic(request.uri.path) {
            guard isAuthenticated(request) else { return refuse(.unauthorized) }
            if request.method != .get, request.method != .head {
                let type = request.headers[.contentType]?.lowercased() ?? ""
                guard type.hasPrefix("application/json") else { return refuse(.notJSON) }
            }
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // The router's and routes' HTTP errors (404 for an unknown path, 405, 413) are answered
            // here, so they carry the same headers as every other answer (found by `make fuzz`).
            response = try error.response(from: request, context: context)
        } catch {
            // Anything else a route throws is a bug of ours. Logged by its type only (an error's
            // text may quote what the request carried); answered with the same headers as the rest.
            logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            response = APIError.response(status: .internalServerError, code: "http.internal", message: Self.internalError)
        }
        if let origin, policy.isAllowListed(origin) { response = Self.withCORS(response, origin: origin, preflight: false) }
        return Self.secured(response)
    }

    static var internalError: LocalizedText { LocalizedText(vi: "Lỗi nội bộ của máy chủ kiosk.", en: "Internal error of the kiosk server.") }

    private func isAuthenticated(_ request: Request) -> Bool {
        if let cookie = request.cookies[SessionCookie.name]?.value, tokens.isSessionToken(cookie) { return true }
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            return tokens.isSessionToken(String(authorization.dropFirst("Bearer ".count)))
        }
        return false
    }

    private func refuse(_ reason: RequestRefusal.Reason) -> Response {
        let refusal = RequestRefusal(reason)
        Counter(label: "cccdd_http_refused_total", dimensions: [("reason", refusal.code)]).increment()
        logger.notice("request refused", metadata: ["code": "\(refusal.code)"])
        return Self.secured(APIError.response(status: HTTPResponse.Status(code: refusal.status), code: refusal.code, message: refusal.message))
    }

    static func withCORS(_ response: Response, origin: String, preflight: Bool) -> Response {
        var response = response
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlAllowCredentials] = "true"
        response.headers[.vary] = "Origin"
        if preflight {
            response.headers[.accessControlAllowMethods] = "GET, POST"
            response.headers[.accessControlAllowHeaders] = "Content-Type, Authorization, Last-Event-ID"
            response.headers[.accessControlMaxAge] = "600"
        }
        return response
    }

    /// Nothing the kiosk answers may be cached, framed by another page, or sniffed into another type.
    static func secured(_ response: Response) -> Response {
        var response = response
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
