public import ICAOCrypto

extension ChipSession {
    /// Active Authentication (Doc 9303-11 §6.1): INTERNAL AUTHENTICATE with a fresh random
    /// 8-byte challenge, the answer verified with DG15's key.
    ///
    /// - Parameters:
    ///   - subjectPublicKeyInfo: DG15's key (``ActiveAuthentication/subjectPublicKeyInfo(dg15:)``).
    ///   - ecdsaHash: from DG14's ActiveAuthenticationInfo, when the chip has one.
    public func activeAuthenticate(subjectPublicKeyInfo: [UInt8], ecdsaHash: HashAlgorithm? = nil) async throws -> ActiveAuthenticationOutcome {
        let key: any ChipPublicKey
        do {
            key = try crypto.publicKey(subjectPublicKeyInfo: subjectPublicKeyInfo)
        } catch let error as CryptoError {
            return ActiveAuthenticationOutcome(status: .unsupported, detail: error.diagnostic ?? error.code)
        }
        let challenge = try random.randomBytes(8)
        guard challenge.count == 8 else { throw CryptoError(.randomSourceFailed, diagnostic: "challenge of \(challenge.count) bytes") }
        // An RSA-2048 signature does not fit a short protected answer: ask for extended length
        // when the reader has it.
        let signatureLength = key.algorithm == .rsa ? (key.bits + 7) / 8 : 2 * ((key.bits + 7) / 8)
        let expected = signatureLength > policy.maximumShortLength && extendedLengthEnabled
            ? CommandAPDU.extendedMaximumExpectedLength : CommandAPDU.shortMaximumExpectedLength
        let response: ResponseAPDU
        do {
            response = try await send(CommandAPDU(ins: 0x88, p1: 0, p2: 0, data: challenge, expectedLength: expected))
        } catch let error as SecureMessagingError {
            try await recoverSession()
            return ActiveAuthenticationOutcome(status: .chipRefused, detail: "secure messaging failed during INTERNAL AUTHENTICATE: \(error.code)")
        }
        guard response.status.isSuccess else {
            return ActiveAuthenticationOutcome(status: .chipRefused, detail: "INTERNAL AUTHENTICATE: \(response.status)")
        }
        return ActiveAuthentication.verify(signature: response.data, challenge: challenge, publicKey: key, ecdsaHash: ecdsaHash, crypto: crypto)
    }
}
