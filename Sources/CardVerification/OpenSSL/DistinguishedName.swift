internal import COpenSSL

/// X.509 names as text.
enum DistinguishedName {
    /// RFC 2253 order and escaping, `, ` between parts, UTF-8 left readable (Vietnamese names of
    /// authorities keep their diacritics): `CN=CSCA ePassport Vietnam, O=…, C=VN`.
    static func text(_ name: OpaquePointer?) -> String {
        guard let name, let bio = try? MemoryBIO() else { return "" }
        guard X509_NAME_print_ex(bio.handle, name, 0, cccd_name_print_flags()) >= 0 else { return "" }
        return bio.text
    }
}
