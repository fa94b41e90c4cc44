public import ICAOCrypto
import ChipProtocol
import Synchronization

/// An in-process Vietnamese chip ID card (CCCD): the card side of ICAO 9303 — EF.CardAccess,
/// PACE (GM/IM, ECDH/DH, 3DES/AES), BAC, secure messaging, Active and Chip Authentication —
/// over files built from a ``VirtualChipConfiguration``.
///
/// Its surface is the one a virtual reader drives — ``atr``, ``powerOn()``, ``powerOff()``,
/// ``reset()`` and ``respond(to:)``, raw bytes in and out — exactly the requirements of the vpcd
/// layer's `VirtualCardEngine` protocol, so it conforms with an empty extension. Every answer is
/// a response APDU; malformed or hostile commands get status words, never a crash.
/// ``InProcessTransport`` lets the reader-side code talk to it without PC/SC.
///
/// Thread-safe: the session state sits behind a mutex, so one APDU is processed at a time, as
/// on a real card.
public final class VirtualCCCDChip: Sendable {
    /// ISO 14443-4 card behind a PC/SC contactless reader (PC/SC part 3 §3.1.3.2.3): T=1, eight
    /// historical bytes, TCK. Real CCCD answers vary by reader; nothing depends on these bytes.
    public let atr: [UInt8]
    /// The files this card serves; ``VirtualChipFiles/genuineDataGroups`` are what an EF.SOD signs.
    public let files: VirtualChipFiles
    private let core: Mutex<ChipCore>

    public init(
        configuration: VirtualChipConfiguration, crypto: any ICAOCryptography = OpenSSLCrypto(),
        random: any RandomSource = SystemRandomSource()
    ) throws {
        let options = configuration.options
        // A clone signs with a key of its own: with substitutedDG15 it also serves that key in DG15.
        let cloneKey: SigningKey? = options.clonedChip || options.substitutedDG15
            ? try configuration.activeAuthenticationKey.map { try SigningKey.generate($0.algorithm) } : nil
        let files = try VirtualChipFiles(configuration: configuration,
                                         substitutedActiveAuthenticationKey: options.substitutedDG15 ? cloneKey : nil)
        let holder = configuration.holder
        guard let keyMaterial = holder.bacKeyMaterial else { throw VirtualChipError(.invalidHolder) }
        let signingKey = cloneKey ?? configuration.activeAuthenticationKey
        let caKey = options.withoutCA ? nil : configuration.chipAuthenticationKey
        let environment = ChipEnvironment(
            fileSystem: files.fileSystem(securityObject: configuration.securityObject),
            options: options,
            secrets: ChipSecrets(canPassword: holder.personalID.cardAccessNumber.passwordBytes, mrzInformation: keyMaterial.mrzInformation),
            pace: try files.cardAccess.map { try PACEChipConfiguration(cardAccess: $0, crypto: crypto) },
            chipAuthentication: try caKey.map { try ChipAuthenticationKey(key: $0, cipher: options.chipAuthenticationCipher, crypto: crypto) },
            activeAuthentication: signingKey.map { ActiveAuthenticationSigner(key: $0, crypto: crypto, random: random) },
            crypto: crypto, random: random
        )
        self.files = files
        self.atr = Self.contactlessATR
        self.core = Mutex(ChipCore(environment: environment))
    }

    /// Loads the profile JSON at `profilePath` (see ``VirtualChipProfile``).
    public convenience init(profilePath: String) throws {
        try self.init(configuration: try VirtualChipConfiguration(profilePath: profilePath))
    }

    /// Power on: a fresh session (nothing selected, no access rights).
    public func powerOn() {
        core.withLock { $0.session = ChipSession() }
    }

    /// Power off: the session and its keys are gone.
    public func powerOff() {
        core.withLock { $0.session = ChipSession() }
    }

    /// Warm reset: same as power cycling for this card.
    public func reset() {
        powerOn()
    }

    /// Processes one command APDU and returns the response APDU (data ‖ SW1 SW2).
    public func respond(to apdu: [UInt8]) -> [UInt8] {
        core.withLock { $0.respond(to: apdu) }
    }

    private static let contactlessATR: [UInt8] = {
        let body: [UInt8] = [0x88, 0x80, 0x01] + [0x00, 0x00, 0x00, 0x00, 0x77, 0x81, 0x81, 0x00]
        return [0x3B] + body + [body.reduce(0, ^)]
    }()
}
