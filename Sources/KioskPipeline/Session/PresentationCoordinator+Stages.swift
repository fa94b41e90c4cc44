import CardVerification
import CCCDIdentity
import ChipProtocol
import Eligibility
import Foundation
import Ledger

/// The slow stages: each runs in ``PresentationCoordinator/work`` and reports back tagged with
/// the session's id.
extension PresentationCoordinator {
    func startRead(on reader: String) {
        guard var current = session, let qr = current.qr else { return }
        timer?.cancel()
        current.state = .reading
        current.source = .chip
        current.reader = reader
        current.error = nil
        current.progress = .init()
        session = current
        bus.publish(.readingProgress, session: view)
        let id = current.id
        let (terminal, plan, timeout) = (components.terminal, settings.readPlan, settings.readTimeout)
        work = Task {
            let started = ContinuousClock.now
            do {
                let result = try await terminal.readChip(
                    on: reader, credentials: ChipCredentials(qr: qr), plan: plan, timeout: timeout,
                    progress: { progress in Task { await self.progressed(id: id, progress) } }
                )
                self.chipRead(id: id, result, duration: ContinuousClock.now - started)
            } catch {
                self.chipFailed(id: id, error, duration: ContinuousClock.now - started)
            }
        }
    }

    private func progressed(id: String, _ progress: ReadProgress) {
        guard var current = session, current.id == id, current.state == .reading else { return }
        let fraction = min(1, (Double(progress.fileIndex) + progress.fraction) / Double(max(1, progress.fileCount)))
        let previous = current.progress?.fraction ?? 0
        // One event per visible step (a whole percent), not one per APDU; never backwards.
        guard (fraction * 100).rounded(.down) > (previous * 100).rounded(.down) else { return }
        current.progress = .init(bytesRead: progress.bytesRead, bytesExpected: progress.bytesExpected,
                                 fileIndex: progress.fileIndex, fileCount: progress.fileCount, fraction: fraction)
        session = current
        bus.publish(.readingProgress, session: view)
    }

    private func chipRead(id: String, _ result: ChipReadResult, duration: Duration) {
        guard var current = session, current.id == id else { return }
        metrics.chipRead(outcome: "ok", duration: duration)
        logger.info("chip read", metadata: ["session": "\(id)", "summary": "\(result.summary)"])
        current.state = .verifying
        current.chip = ChipIdentity(result)
        current.progress = nil
        let verdict = components.verify(result, current.qr, current.visitDate)
        current.verdict = verdict
        session = current
        metrics.verdict(verdict.kind.rawValue)
        logger.info("card verified", metadata: [
            "session": "\(id)", "verdict": "\(verdict.kind.rawValue)", "failed": "\(verdict.failedCheckNames.joined(separator: ","))",
        ])
        bus.publish(.verified, session: view)
        startLookup()
    }

    /// The card was moved, the CAN did not open it, or the read timed out: the patient may tap
    /// again within the join window; after it, the lookup goes on with the QR's identity.
    private func chipFailed(id: String, _ error: any Error, duration: Duration) {
        guard var current = session, current.id == id else { return }
        let typed = error as? any UserFacingError ?? PipelineError(.chipReadFailed, diagnostic: String(describing: type(of: error)))
        metrics.chipRead(outcome: typed.code, duration: duration)
        current.state = .waitingForCard
        current.progress = nil
        current.chipFailure = typed.code
        session = current
        report(typed, stage: "chip")
        startTimer(after: settings.joinWindow) { $0.joinWindowPassed() }
    }

    func startLookup(recheckOf previous: Int64? = nil) {
        guard var current = session, let identity = current.lookupIdentity else { return }
        timer?.cancel()
        current.state = .lookingUp
        current.error = nil
        session = current
        bus.publish(.lookupStarted, session: view)
        let id = current.id
        let gateway = components.gateway
        let subject = identity.id.map { components.recorder.pseudonym(ofPersonalID: $0.digits) }
        work = Task {
            let result: EligibilityResult
            switch identity.query {
            case .success(let query):
                result = await gateway.lookUp(query)
            case .failure(let error):
                result = EligibilityResult(outcome: .badInput, resultCode: nil, note: nil, explanation: error.message,
                                           card: nil, source: "none", gatewayCalls: 0)
            }
            let query = try? identity.query.get()
            self.lookedUp(id: id, result, query: query, subject: subject, recheckOf: previous)
        }
    }

    /// Commits the record, then shows the result: the kiosk is never told an answer the ledger
    /// does not hold.
    private func lookedUp(id: String, _ result: EligibilityResult, query: EligibilityQuery?, subject: SubjectPseudonym?,
                          recheckOf previous: Int64?) {
        guard var current = session, current.id == id else { return }
        metrics.lookup(outcome: result.outcome.rawValue, adapter: result.source, latency: result.latency)
        current.result = result
        let now = Date()
        var failed = current.verdict?.failedCheckNames ?? []
        if let chipFailure = current.chipFailure { failed.append("chip.read:\(chipFailure)") }
        let presentation = Presentation(
            result: result, instantMilliseconds: Int64((current.startedAt.timeIntervalSince1970 * 1000).rounded(.down)),
            facility: settings.facility, kiosk: settings.kiosk, source: current.source ?? .manual,
            chipVerdict: current.verdict.flatMap { ChipVerdict(rawValue: $0.kind.rawValue) } ?? .notRead,
            failedChecks: failed, subject: subject, recheckOf: previous
        )
        do {
            let sequence: Int64
            if let query, !result.outcome.isDefinitive, let rechecks = components.rechecks {
                // The record and its re-check entry commit together: a crash between two commits would lose the re-check.
                sequence = try rechecks.record(presentation, queueingRecheckOf: query, after: result)
            } else {
                sequence = try components.recorder.record(presentation)
            }
            metrics.recorded(success: true)
            current.recordSequence = sequence
            current.state = .done
            logger.info("presentation recorded", metadata: [
                "session": "\(id)", "record": "\(sequence)", "class": "\(result.outcome.rawValue)",
                "code": "\(result.resultCode ?? "-")", "adapter": "\(result.source)",
            ])
        } catch {
            metrics.recorded(success: false)
            logger.critical("ledger append failed", metadata: ["session": "\(id)", "error": "\(String(describing: type(of: error)))"])
            current.state = .failed
            current.error = .init(code: PipelineFailure.ledgerUnavailable.rawValue, message: PipelineError(.ledgerUnavailable).message)
        }
        current.clearsAt = now.addingTimeInterval(settings.hold.timeInterval)
        session = current
        bus.publish(.result, session: view)
        startTimer(after: settings.hold) { $0.clear() }
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
