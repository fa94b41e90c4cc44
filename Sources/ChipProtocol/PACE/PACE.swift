public import ICAOCrypto

/// The terminal side of PACE v2 (Doc 9303-11 §4.4) with Generic or Integrated Mapping, DH or
/// ECDH, 3DES or AES. Chip Authentication Mapping is not implemented yet.
///
/// The protocol itself is ``PACEStateMachine``, which never does I/O; this type checks the chip's
/// variant up front and drives the machine over an ``APDUTransport``. Every random choice of the
/// terminal comes from the injected ``RandomSource``, so a test can replay the standard's App. G.1
/// trace byte for byte, and a fuzzer can feed the machine any chip answers.
public struct PACE: Sendable, SecretBearing {
    /// The protocol steps; errors name the one that failed.
    public enum Step: String, Sendable {
        case setAuthenticationTemplate
        case encryptedNonce
        case mapNonce
        case keyAgreement
        case mutualAuthentication
    }

    public let info: PACEInfo
    let password: PACEPassword
    let parameterID: Int
    let group: PACEKeyAgreementGroup
    let crypto: any ICAOCryptography
    let random: any RandomSource

    /// Checks that this reader can run the chip's variant, so an unsupported one fails before any
    /// APDU (and the reader can go straight to BAC).
    public init(
        info: PACEInfo, password: PACEPassword,
        crypto: any ICAOCryptography = OpenSSLCrypto(), random: any RandomSource = SystemRandomSource()
    ) throws {
        guard info.algorithm.mapping != .chipAuthentication else {
            throw PACEError(.unsupportedProtocol, diagnostic: "mapping \(info.algorithm.mapping)")
        }
        guard let parameterID = info.parameterID, let parameters = info.domainParameters else {
            throw PACEError(.unsupportedProtocol, diagnostic: "domain parameters \(info.parameterID.map(String.init) ?? "proprietary")")
        }
        switch (info.algorithm.keyAgreement, parameters) {
        case (.ellipticCurveDiffieHellman, .ellipticCurve), (.diffieHellman, .modular): break
        default: throw PACEError(.unsupportedProtocol, diagnostic: "key agreement does not match parameter id \(parameterID)")
        }
        self.info = info
        self.password = password
        self.parameterID = parameterID
        self.group = try PACEKeyAgreementGroup(parameters, crypto: crypto)
        self.crypto = crypto
        self.random = random
    }

    /// A fresh protocol run, for callers that move the APDUs themselves.
    public func makeStateMachine() -> PACEStateMachine {
        PACEStateMachine(configuration: self)
    }

    /// Runs PACE (five round trips); on success chip and terminal share fresh session keys, SSC 0.
    public func establish(over transport: any APDUTransport) async throws -> PACEResult {
        var machine = makeStateMachine()
        var command = try machine.start()
        while true {
            switch try machine.receive(try await transport.transmit(command)) {
            case .transmit(let next): command = next
            case .established(let result): return result
            }
        }
    }
}
