import CCCDIdentity
public import Hummingbird

/// The reception page from the daemon's own origin, and the login exchange: `GET /?token=T`
/// trades a one-time login token (or the launcher's session token) for the HttpOnly session
/// cookie and redirects to `/`, so the token leaves the address bar at once.
public struct PageRoutes<Context: RequestContext>: Sendable {
    let tokens: AccessTokens

    public init(tokens: AccessTokens) {
        self.tokens = tokens
    }

    public func register(on router: Router<Context>) {
        router.get("/") { request, _ in
            if let token = request.uri.queryParameters.get("token") {
                guard tokens.redeemLogin(token) else {
                    return APIError.response(status: .forbidden, RequestRefusal(.loginSpent))
                }
                var response = Response(status: .seeOther, headers: [.location: "/"])
                response.setCookie(SessionCookie.make(token: tokens.sessionToken))
                return response
            }
            return Self.serve("/")
        }
        for path in EmbeddedAssets.files.keys where path != "/index.html" {
            router.get(RouterPath(path)) { _, _ in Self.serve(path) }
        }
        router.get("healthz") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) }
    }

    static func serve(_ path: String) -> Response {
        guard let asset = EmbeddedAssets.file(at: path) else {
            return APIError.response(status: .notFound, code: "http.notFound",
                                     message: LocalizedText(vi: "Không tìm thấy.", en: "Not found."))
        }
        var headers: HTTPFields = [.contentType: asset.contentType, .cacheControl: "no-cache"]
        // Own scripts and styles only: no inline code, no other origin, no framing.
        headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: asset.text)))
    }
}
