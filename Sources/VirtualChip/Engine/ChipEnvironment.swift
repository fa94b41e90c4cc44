import ICAOCrypto

/// The immutable part of a card: its files, secrets and keys, and where it gets randomness.
struct ChipEnvironment: Sendable {
    let fileSystem: ChipFileSystem
    let options: ChipOptions
    let secrets: ChipSecrets
    let pace: PACEChipConfiguration?
    let chipAuthentication: ChipAuthenticationKey?
    let activeAuthentication: ActiveAuthenticationSigner?
    let crypto: any ICAOCryptography
    let random: any RandomSource
}

/// The passwords the chip accepts: the holder's CAN and MRZ information.
struct ChipSecrets: Sendable, SecretBearing {
    /// Last 6 ID digits, as ASCII.
    let canPassword: [UInt8]
    /// BAC/PACE-MRZ string: document number, birth and expiry, each with its check digit.
    let mrzInformation: String
}
