import CardVerification
import CCCDIdentity
import Eligibility

/// The eligibility question for a session: the chip's identity when the card verified, else the
/// QR's, a BHYT card's code, or what staff typed.
///
/// Unverified chip data is never preferred over the QR: a cloned chip must not choose whose
/// insurance is looked up.
extension PresentationSession {
    var lookupIdentity: (id: PersonalID?, query: Result<EligibilityQuery, EligibilityInputError>)? {
        let verified = verdict.map { $0.kind == .authentic || $0.kind == .authenticUnchained } ?? false
        if verified, let chip, let id = chip.personalID ?? qr?.personalID, let name = chip.fullName ?? qr?.fullName,
           let birth = chip.dateOfBirth ?? qr?.dateOfBirth {
            return (id, Self.query(.personalID(id), name, .date(birth), visitDate))
        }
        if let qr {
            return (qr.personalID, Self.query(.personalID(qr.personalID), qr.fullName, .date(qr.dateOfBirth), visitDate))
        }
        if let bhytCard {
            return (nil, Self.query(.card(bhytCard.cardCode), bhytCard.fullName, bhytCard.dateOfBirth, visitDate))
        }
        switch manual {
        case .person(let id, let name, let birth)?:
            return (id, Self.query(.personalID(id), name, .date(birth), visitDate))
        case .card(let code, let name, let birth)?:
            return (nil, Self.query(.card(code), name, birth, visitDate))
        case nil:
            return nil
        }
    }

    private static func query(_ subject: LookupSubject, _ name: String, _ birth: BHYTBirthDate, _ day: CivilDate)
        -> Result<EligibilityQuery, EligibilityInputError> {
        do {
            return .success(try EligibilityQuery(subject: subject, fullName: name, birthDate: birth, visitDate: day))
        } catch {
            return .failure(error)
        }
    }
}
