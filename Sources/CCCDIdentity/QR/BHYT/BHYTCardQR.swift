/// The QR of a BHYT health-insurance card, read tolerantly.
///
/// The reception desk only needs enough to query the BHXH gateway (card code, name, date of
/// birth); the rest is informative. The layout comes from public decoded samples and open-source
/// hospital software, not from a published specification [S], so only fields 0–3 are required
/// and everything else is optional, with ``rawFields`` kept for whoever knows better.
public struct BHYTCardQR: Sendable, Hashable {
    public let cardCode: BHYTCardCode
    /// Decoded from hex UTF-8, NFC.
    public let fullName: String
    public let dateOfBirth: BHYTBirthDate
    /// `nil` when the sex code is neither 1 (male) nor 2 (female).
    public let sex: Sex?
    /// Decoded from hex UTF-8; `nil` when the card leaves it out (`-`).
    public let address: String?
    /// Registered primary-care facility as printed, e.g. `01 - 028`.
    public let registeredFacility: String?
    public let validFrom: CivilDate?
    /// `nil` for `-` (no end date) or when unreadable.
    public let validTo: CivilDate?
    public let issueDate: CivilDate?
    /// Every field as scanned, without the trailing `$` terminator.
    public let rawFields: [String]
    public let warnings: [QRWarning]

    /// `maDKBD` as the gateway wants it: the facility code with spaces and dashes removed (`01028`).
    public var registeredFacilityCode: String? {
        registeredFacility.map { String($0.filter { $0 != " " && $0 != "-" }) }
    }
}

/// A BHYT date of birth: the gateway accepts a bare year for people whose birthday is unknown.
public enum BHYTBirthDate: Sendable, Hashable {
    case date(CivilDate)
    case yearOnly(Int)

    /// `dd/MM/yyyy` or `yyyy`, the form the BHXH gateway's `ngaySinh` takes.
    public var gatewayText: String {
        switch self {
        case .date(let date): date.slashedDMY
        case .yearOnly(let year): Digits.padded(year, width: 4)
        }
    }

    /// ISO `YYYY-MM-DD`, or `YYYY` for a bare year.
    public var isoText: String {
        switch self {
        case .date(let date): date.iso8601
        case .yearOnly(let year): Digits.padded(year, width: 4)
        }
    }
}
