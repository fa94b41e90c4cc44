public import CCCDIdentity

/// What reaches the pipeline from the desk: scanners, readers, and staff on the kiosk page.
public enum PresentationInput: Sendable {
    /// A scanned QR that parsed (a CCCD or a BHYT card).
    case scanned(ScannedQR)
    /// A scan that did not parse: the typed reason, free of personal data.
    case unreadableScan(any UserFacingError)
    case cardInserted(reader: String)
    case cardRemoved(reader: String)
    /// The readers PC/SC lists now (after a hot-plug or a pcscd restart).
    case readersChanged([String])
    /// Staff typed the identity because no card could be read.
    case manual(ManualEntry)
    /// Staff asked to run the lookup again (after a gateway outage), or to go on without the chip.
    case retry
    /// Staff (or the page) dismissed the current presentation.
    case clear
}

/// An identity typed at the desk: an ID number or a BHYT card code, each with the name and date
/// of birth the gateway matches on (`hoTen`, `ngaySinh` are required by BHXH).
public enum ManualEntry: Sendable, Hashable {
    case person(id: PersonalID, fullName: String, dateOfBirth: CivilDate)
    case card(BHYTCardCode, fullName: String, dateOfBirth: BHYTBirthDate)
}
