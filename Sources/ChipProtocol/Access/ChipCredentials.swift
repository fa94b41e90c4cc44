public import CCCDIdentity
public import ICAOCrypto

/// What the reader may open a chip with: a CAN for PACE, and MRZ keys for BAC (tried in order).
/// Personal data, so it never prints itself.
public struct ChipCredentials: Sendable, SecretBearing {
    public var cardAccessNumber: CardAccessNumber?
    /// BAC keys in the order to try them; with ``usesPACEWithMRZ`` the first also runs PACE-MRZ.
    public var mrzKeys: [BACKeyMaterial]
    /// PACE with the MRZ (password reference 1) when there is no CAN: for `--mrz`, where the MRZ
    /// is known for certain. A QR's expiry candidates are guesses and go to BAC, which costs two
    /// round trips per guess instead of five.
    public var usesPACEWithMRZ: Bool

    public init(cardAccessNumber: CardAccessNumber?, mrzKeys: [BACKeyMaterial] = [], usesPACEWithMRZ: Bool = false) {
        self.cardAccessNumber = cardAccessNumber
        self.mrzKeys = mrzKeys
        self.usesPACEWithMRZ = usesPACEWithMRZ
    }

    /// A Vietnamese card's QR: PACE with the CAN (last 6 ID digits), then BAC with every expiry
    /// candidate the issue rules allow.
    public init(qr: CitizenQR) {
        self.init(cardAccessNumber: qr.cardAccessNumber, mrzKeys: qr.bacKeyCandidates)
    }

    /// A CAN typed by an operator.
    public init(cardAccessNumber: CardAccessNumber) {
        self.init(cardAccessNumber: cardAccessNumber, mrzKeys: [])
    }

    /// Known MRZ data of any ICAO document (`--mrz DOC,YYMMDD,YYMMDD`): PACE-MRZ, then BAC.
    public init(mrz: BACKeyMaterial) {
        self.init(cardAccessNumber: nil, mrzKeys: [mrz], usesPACEWithMRZ: true)
    }

    /// The PACE password to try, if any.
    var pacePassword: PACEPassword? {
        if let cardAccessNumber { return .can(cardAccessNumber.digits) }
        if usesPACEWithMRZ, let first = mrzKeys.first { return .mrz(MRZInformation(first)) }
        return nil
    }
}
