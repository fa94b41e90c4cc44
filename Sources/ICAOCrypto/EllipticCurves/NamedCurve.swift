/// The named curves of the PACE standard domain parameters (Doc 9303-11 §9.5.1) and of the
/// Chip/Active Authentication and document-signer keys seen on eMRTDs.
///
/// Raw values are OpenSSL short names, which are also what certificates and logs show.
public enum NamedCurve: String, Sendable, Hashable, CaseIterable {
    case secp192r1 = "prime192v1"
    case brainpoolP192r1
    case secp224r1
    case brainpoolP224r1
    case secp256r1 = "prime256v1"
    case brainpoolP256r1
    case brainpoolP320r1
    case secp384r1
    case brainpoolP384r1
    case brainpoolP512r1
    case secp521r1
}
