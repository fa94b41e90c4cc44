public import CCCDIdentity
public import ICAOCrypto

/// BAC over a transport: GET CHALLENGE, then MUTUAL AUTHENTICATE (Doc 9303-11 §9.7), two round
/// trips. The result is a 3DES secure-messaging session.
public struct BasicAccessControl: Sendable, SecretBearing {
    public let keys: BACKeys
    private let crypto: any ICAOCryptography
    private let random: any RandomSource

    public init(
        mrz: MRZInformation, crypto: any ICAOCryptography = OpenSSLCrypto(),
        random: any RandomSource = SystemRandomSource()
    ) throws {
        self.keys = try BACKeys(mrz: mrz, crypto: crypto)
        self.crypto = crypto
        self.random = random
    }

    public func establish(over transport: any APDUTransport) async throws -> TripleDESSecureMessaging {
        let challenge = try await transport.transmit(CommandAPDU(ins: 0x84, p1: 0, p2: 0, expectedLength: 8))
        try Self.requireSuccess(challenge.status)
        let authentication = try BACMutualAuthentication(
            keys: keys, chipChallenge: challenge.data,
            terminalChallenge: try random.randomBytes(8), terminalKeyMaterial: try random.randomBytes(16),
            crypto: crypto
        )
        let answer = try await transport.transmit(
            CommandAPDU(ins: 0x82, p1: 0, p2: 0, data: try authentication.commandData(), expectedLength: 40)
        )
        try Self.requireSuccess(answer.status)
        return try authentication.sessionKeys(fromChipResponse: answer.data).secureMessaging(crypto: crypto)
    }

    /// 6300 and 6982 on MUTUAL AUTHENTICATE mean "wrong key"; anything else is reported as is.
    private static func requireSuccess(_ status: StatusWord) throws {
        if status.isSuccess { return }
        if status == .verificationFailed || status == .securityStatusNotSatisfied || status.retriesLeft != nil {
            throw BACError(.accessDenied, diagnostic: status.description)
        }
        throw BACError(.chipRejected, diagnostic: status.description)
    }
}

extension BasicAccessControl {
    /// BAC keyed from the identity module's key material (one QR expiry candidate, or `--mrz`).
    public init(
        keyMaterial: BACKeyMaterial, crypto: any ICAOCryptography = OpenSSLCrypto(),
        random: any RandomSource = SystemRandomSource()
    ) throws {
        try self.init(mrz: MRZInformation(keyMaterial), crypto: crypto, random: random)
    }
}
