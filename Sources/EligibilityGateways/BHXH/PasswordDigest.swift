import Crypto

/// MD5 of the UTF-8 password in upper-case hex, the form `/api/token/take` and every card check
/// expect. MD5 is the gateway's choice, not a security measure of ours.
enum PasswordDigest {
    static func hex(_ password: String) -> String {
        Insecure.MD5.hash(data: Array(password.utf8)).map { byte in
            let text = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
