import CCCDIdentity
import LDS

/// The card's expiry against the facility's date: DG13 field 12 when the chip has a recognisable
/// one, else the MRZ's date of expiry (`991231` on a Vietnamese card = never expires). A card is
/// valid through its expiry day.
enum CardExpiryCheck {
    static func check(evidence: ChipEvidence, today: CivilDate) -> VerificationCheck {
        let name = VerificationCheck.Name.cardExpiry
        let expiry: CardExpiry
        let source: String
        if let stated = evidence.citizen?.expiry?.cardExpiry {
            (expiry, source) = (stated, "DG13")
        } else if let zone = evidence.mrz, let fromZone = mrzExpiry(zone) {
            (expiry, source) = (fromZone, "DG1")
        } else {
            let why = evidence.citizen?.expiry != nil ? "DG13's expiry is not a date" : "\(evidence.citizenMissing.isEmpty ? "DG13 has no expiry" : evidence.citizenMissing)"
            return VerificationCheck(name, .notRun, detail: "no readable expiry: \(why); \(evidence.mrz == nil ? evidence.mrzMissing : "DG1's is not a date")")
        }
        switch expiry {
        case .never:
            return VerificationCheck(name, .passed, detail: "\(source): no expiry")
        case .on(let date) where today <= date:
            return VerificationCheck(name, .passed, detail: "\(source): valid until its expiry date")
        case .on:
            return VerificationCheck(name, .failed, detail: "\(source): the card's expiry date has passed")
        }
    }

    /// MRZ expiries are in this century; `991231` on a Vietnamese zone means no expiry.
    private static func mrzExpiry(_ zone: MachineReadableZone) -> CardExpiry? {
        if zone.issuingState == "VNM", zone.dateOfExpiry.text == CardExpiry.never.mrzText { return .never }
        return zone.dateOfExpiry.resolved(inCenturyStarting: 2000).map(CardExpiry.on)
    }
}
