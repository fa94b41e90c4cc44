import CardVerification
import CCCDIdentity
import ChipProtocol
public import Eligibility
import Foundation
public import LDS
import Ledger
public import Logging

/// The reception desk's state machine: joins a QR scan and a card tap into one presentation,
/// reads and verifies the chip, looks up eligibility, commits one ledger record, and tells the
/// kiosk at every step through the ``EventBus``.
///
/// Inputs are handled at once (an actor, so one at a time); the slow stages (chip read, gateway
/// lookup) run in a task that reports back with the session's id, and a report for a session that
/// has since been cleared or replaced is dropped. One presentation at a time: a kiosk has one desk.
public actor PresentationCoordinator {
    var settings: PipelineSettings
    var components: PipelineComponents
    let bus: EventBus
    let logger: Logger
    let metrics = PipelineMetrics()

    var session: PresentationSession?
    /// The chip read or lookup in flight for the current session.
    var work: Task<Void, Never>?
    /// The join window or the hold time of the current session.
    var timer: Task<Void, Never>?
    var readers: [String] = []
    var readersWithCard: [String] = []
    private var sessionCount = 0

    public init(settings: PipelineSettings, components: PipelineComponents, bus: EventBus,
                logger: Logger = Logger(label: "cccdd.pipeline")) {
        self.settings = settings
        self.components = components
        self.bus = bus
        self.logger = logger
    }

    /// The current presentation as the page shows it.
    public var view: SessionView { session?.view ?? .idle }

    /// The gateway chain in use (the re-check worker asks the same one).
    public var gateway: any EligibilityGateway { components.gateway }

    /// The face image read from the chip, while the session lasts.
    public var photo: FaceImage? { session?.chip?.photo }

    /// New settings and components after a configuration reload; the session in progress finishes
    /// with the ones it started with.
    public func reconfigure(settings: PipelineSettings, components: PipelineComponents) {
        self.settings = settings
        self.components = components
    }

    /// Cancels the work in flight and drops the session (graceful shutdown).
    public func shutdown() {
        work?.cancel()
        timer?.cancel()
        if let session { bus.forget(session: session.id) }
        session = nil
    }

    public func handle(_ input: PresentationInput) {
        switch input {
        case .scanned(.cccd(let qr)):
            do {
                try qr.checkDates(asOf: settings.clock.civilDate(at: Date()))
            } catch {
                return handle(.unreadableScan(error))
            }
            metrics.scanned(kind: "cccd")
            scannedCitizenQR(qr)
        case .scanned(.bhyt(let card)):
            metrics.scanned(kind: "bhyt")
            guard !refuseWhileBusy() else { return }
            var next = startSession(source: .bhytQr, state: .lookingUp)
            next.bhytCard = card
            session = next
            bus.publish(.scanReceived, session: view)
            startLookup()
        case .unreadableScan(let error):
            metrics.scanned(kind: "unreadable")
            report(error, stage: "scan")
        case .cardInserted(let reader):
            if !readersWithCard.contains(reader) { readersWithCard.append(reader) }
            cardInserted(on: reader)
        case .cardRemoved(let reader):
            readersWithCard.removeAll { $0 == reader }
            bus.publish(.cardRemoved, session: view)
            if let current = session, current.state == .waitingForQR, current.reader == reader { clear() }
        case .readersChanged(let names):
            readers = names
            readersWithCard.removeAll { !names.contains($0) }
        case .manual(let entry):
            guard !refuseWhileBusy() else { return }
            var next = startSession(source: .manual, state: .lookingUp)
            next.manual = entry
            session = next
            startLookup()
        case .retry:
            retry()
        case .clear:
            clear()
        }
    }

    private func scannedCitizenQR(_ qr: CitizenQR) {
        if var current = session, current.state == .waitingForQR, let reader = current.reader {
            current.qr = qr
            session = current
            bus.publish(.scanReceived, session: view)
            startRead(on: reader)
            return
        }
        if let current = session, current.state == .waitingForCard, current.qr?.personalID == qr.personalID { return }
        guard !refuseWhileBusy() else { return }
        var next = startSession(source: .cccdQr, state: .waitingForCard)
        next.qr = qr
        session = next
        bus.publish(.scanReceived, session: view)
        if let reader = readersWithCard.first {
            startRead(on: reader)
        } else if readers.isEmpty {
            startLookup()
        } else {
            startTimer(after: settings.joinWindow) { $0.joinWindowPassed() }
        }
    }

    private func cardInserted(on reader: String) {
        if var current = session, current.state == .waitingForCard, current.qr != nil {
            current.reader = reader
            session = current
            bus.publish(.cardDetected, session: view)
            startRead(on: reader)
            return
        }
        guard session == nil || session?.state == .done || session?.state == .failed else {
            bus.publish(.cardDetected, session: view)
            return
        }
        var next = startSession(source: .chip, state: .waitingForQR)
        next.reader = reader
        session = next
        bus.publish(.cardDetected, session: view)
        bus.publish(.qrNeeded, session: view)
        // No identity yet, so nothing to record: an abandoned tap just clears.
        startTimer(after: settings.joinWindow) { $0.clear() }
    }

    private func retry() {
        guard let current = session else { return }
        switch current.state {
        case .waitingForCard:
            startLookup()
        case .done, .failed:
            // A definitive answer is not asked again; a missing one (gateway down) is.
            guard current.result?.outcome.isDefinitive != true else { return }
            startLookup(recheckOf: current.recordSequence)
        default:
            break
        }
    }

    func joinWindowPassed() {
        guard session?.state == .waitingForCard else { return }
        startLookup()
    }

    /// Ends the presentation: its personal data leaves memory and the replay buffer.
    func clear() {
        work?.cancel()
        timer?.cancel()
        work = nil
        timer = nil
        guard let ended = session else { return }
        session = nil
        bus.forget(session: ended.id)
        bus.publish(.sessionCleared, session: .idle)
    }

    private func startSession(source: InputSource, state: SessionView.State) -> PresentationSession {
        work?.cancel()
        timer?.cancel()
        if let previous = session { bus.forget(session: previous.id) }
        sessionCount += 1
        let now = Date()
        var next = PresentationSession(id: "s-\(sessionCount)", startedAt: now, visitDate: settings.clock.civilDate(at: now), state: state)
        next.source = source
        return next
    }

    /// A desk handles one patient at a time: a new scan while a read or lookup runs is refused.
    private func refuseWhileBusy() -> Bool {
        guard let state = session?.state, [.reading, .verifying, .lookingUp].contains(state) else { return false }
        report(PipelineError(.busy), stage: "scan")
        return true
    }

    func startTimer(after delay: Duration, _ action: @escaping @Sendable (isolated PresentationCoordinator) -> Void) {
        timer?.cancel()
        let id = session?.id
        timer = Task {
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            self.fire(id: id, action)
        }
    }

    private func fire(id: String?, _ action: @Sendable (isolated PresentationCoordinator) -> Void) {
        guard session?.id == id else { return }
        action(self)
    }

    /// Shows a problem on the current session (or on its own when there is none) and logs its code.
    func report(_ error: any UserFacingError, stage: String) {
        logger.warning("presentation problem", metadata: ["stage": "\(stage)", "code": "\(error.code)"])
        let problem = SessionView.ErrorView(code: error.code, message: error.message)
        if var current = session {
            current.error = problem
            session = current
            bus.publish(.error, session: view)
        } else {
            var shown = SessionView(id: "error-\(sessionCount)", state: .failed)
            shown.error = problem
            bus.publish(.error, session: shown)
        }
    }
}
