public import CCCDIdentity
import Foundation

/// The question the reception desk asks: "may this person be treated under BHYT on this day?"
///
/// Every field is validated on construction, so adapters never send a half-valid request and the
/// gateway's "bad input" codes (051–053, 205) only ever mean the gateway disagrees with us.
public struct EligibilityQuery: Sendable, Hashable {
    /// What identifies the insured person to the gateway (sent as `maThe`).
    public var subject: LookupSubject
    /// The full name as printed on the ID document, in Unicode (NFC is what BHXH stores).
    public var fullName: String
    public var birthDate: BHYTBirthDate
    /// The day of the visit, against which card validity ranges are judged.
    public var visitDate: CivilDate

    public init(subject: LookupSubject, fullName: String, birthDate: BHYTBirthDate, visitDate: CivilDate) throws(EligibilityInputError) {
        switch FullNameText.normalized(fullName) {
        case .success(let name): self.fullName = name
        case .failure(.empty): throw EligibilityInputError(.emptyName)
        case .failure(.tooLong), .failure(.controlCharacters): throw EligibilityInputError(.malformedName)
        }
        self.subject = subject
        self.birthDate = birthDate
        self.visitDate = visitDate
    }
}

/// The identifiers the BHXH gateway accepts as `maThe`.
public enum LookupSubject: Sendable, Hashable {
    /// The 12-digit CCCD number: the gateway answers with the linked card [? undocumented, spec §3].
    case personalID(PersonalID)
    /// A 15-character BHYT card code or a bare 10-digit BHXH number.
    case card(BHYTCardCode)

    /// Parses what a clerk typed: 12 digits, 10 digits or a 15-character card code.
    public init(parsing text: String) throws(EligibilityInputError) {
        if let id = PersonalID(text) {
            self = .personalID(id)
        } else if let card = BHYTCardCode(text) {
            self = .card(card)
        } else {
            throw EligibilityInputError(.malformedSubject, diagnostic: text)
        }
    }

    /// The value sent as `maThe`.
    public var wireValue: String {
        switch self {
        case .personalID(let id): id.digits
        case .card(let card): card.text
        }
    }
}
