import Hummingbird

/// The cookie the page holds the session token in: HttpOnly (scripts cannot read it),
/// SameSite=Strict (no other site's page sends it along).
enum SessionCookie {
    static let name = "cccdd_session"

    static func make(token: String) -> Cookie {
        Cookie(name: name, value: token, path: "/", httpOnly: true, sameSite: .strict)
    }
}
