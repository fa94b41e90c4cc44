import CardVerification
import CCCDIdentity
import ChipProtocol
import Eligibility
import Foundation
import LDS
import Ledger

/// One patient at the desk, from the first scan or tap to the hold time's end.
///
/// Holds personal data (the QR, the chip's files, the face image) in memory only, for as long as
/// the kiosk shows it; ``PresentationCoordinator`` drops the value when the session ends.
struct PresentationSession: Sendable {
    let id: String
    let startedAt: Date
    /// The facility's local date at the start: the visit date cards are judged against.
    let visitDate: CivilDate
    var state: SessionView.State
    var source: InputSource?
    var qr: CitizenQR?
    var bhytCard: BHYTCardQR?
    var manual: ManualEntry?
    /// The reader the card was tapped on.
    var reader: String?
    var progress: SessionView.Progress?
    var chip: ChipIdentity?
    var verdict: CardVerdict?
    /// The code of the last chip read that failed (recorded as a failed check if no read succeeds).
    var chipFailure: String?
    var result: EligibilityResult?
    /// The ledger record of this presentation, once committed.
    var recordSequence: Int64?
    var error: SessionView.ErrorView?
    var clearsAt: Date?

    init(id: String, startedAt: Date, visitDate: CivilDate, state: SessionView.State) {
        self.id = id
        self.startedAt = startedAt
        self.visitDate = visitDate
        self.state = state
    }

    var view: SessionView {
        var view = SessionView(id: id, state: state)
        view.startedAt = Timestamp.text(startedAt)
        view.clearsAt = clearsAt.map(Timestamp.text)
        view.source = source?.rawValue
        view.progress = progress
        view.holder = holder
        view.verdict = verdict
        view.eligibility = result.map(EligibilityView.init)
        if state == .done || state == .failed || result != nil {
            view.nextStep = NextStep.advice(for: result?.outcome, verdict: verdict?.kind)
        }
        view.error = error
        return view
    }

    /// Who the kiosk shows: the verified chip's data first, then the QR, then what staff typed.
    private var holder: SessionView.Holder? {
        let hasPhoto = chip?.photo != nil
        if let chip, let name = chip.fullName {
            return .init(fullName: name, dateOfBirth: chip.dateOfBirth?.iso8601, sex: chip.sex?.rawValue,
                         idMasked: chip.personalID?.masked ?? qr?.personalID.masked, hasPhoto: hasPhoto)
        }
        if let qr {
            return .init(fullName: qr.fullName, dateOfBirth: qr.dateOfBirth.iso8601, sex: qr.sex.rawValue,
                         idMasked: qr.personalID.masked, hasPhoto: hasPhoto)
        }
        if let bhytCard {
            return .init(fullName: bhytCard.fullName, dateOfBirth: bhytCard.dateOfBirth.isoText, sex: bhytCard.sex?.rawValue,
                         idMasked: nil, hasPhoto: false)
        }
        switch manual {
        case .person(let id, let name, let birth)?:
            return .init(fullName: name, dateOfBirth: birth.iso8601, sex: nil, idMasked: id.masked, hasPhoto: false)
        case .card(_, let name, let birth)?:
            return .init(fullName: name, dateOfBirth: birth.isoText, sex: nil, idMasked: nil, hasPhoto: false)
        case nil:
            return nil
        }
    }
}
