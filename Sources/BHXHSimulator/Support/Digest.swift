import Crypto

/// The gateway's password form: MD5 of the UTF-8 password, as hex. Upper case per the guide;
/// the simulator accepts either case because clients send both [C].
enum PasswordDigest {
    static func hex(_ password: String) -> String {
        Insecure.MD5.hash(data: Array(password.utf8)).map { byte in
            let text = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    static func matches(_ supplied: String, password: String) -> Bool {
        supplied.uppercased() == hex(password)
    }
}
