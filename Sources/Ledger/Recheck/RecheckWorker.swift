public import Eligibility
public import Logging

/// Works through due re-check entries with a gateway, in the background of the daemon: each
/// answer that closes an entry is appended to the ledger as a record linked to the original one.
public struct RecheckWorker: Sendable {
    public let queue: RecheckQueue
    public let gateway: any EligibilityGateway
    private let logger: Logger

    public init(queue: RecheckQueue, gateway: any EligibilityGateway, logger: Logger = Logger(label: "cccd.eligibility.recheck")) {
        self.queue = queue
        self.gateway = gateway
        self.logger = logger
    }

    /// What one pass did.
    public struct Pass: Sendable, Hashable {
        public var resolved = 0
        public var rescheduled = 0
        public var abandoned = 0
        /// Every entry the pass closed (resolved or abandoned), with the gateway's full answer —
        /// card included, in memory only — so the daemon can fix the visit's claim.
        public var answers: [Answer] = []

        public init(resolved: Int = 0, rescheduled: Int = 0, abandoned: Int = 0, answers: [Answer] = []) {
            self.resolved = resolved
            self.rescheduled = rescheduled
            self.abandoned = abandoned
            self.answers = answers
        }
    }

    /// A closed entry: the original record, the linked re-check record appended for it, the answer.
    public struct Answer: Sendable, Hashable {
        public var entryID: Int64
        public var recordSequence: Int64
        public var linkedRecord: LedgerRecord
        public var result: EligibilityResult
    }

    /// Asks again about every due entry (at most `limit`), one at a time to spare the gateway.
    public func runOnce(limit: Int = 20) async throws(LedgerError) -> Pass {
        var pass = Pass()
        for entry in try queue.due(limit: limit) {
            if Task.isCancelled { break }
            let result = await gateway.lookUp(entry.query)
            let attempt = try queue.record(result, for: entry.id)
            switch attempt.state {
            case .resolved: pass.resolved += 1
            case .pending: pass.rescheduled += 1
            case .abandoned: pass.abandoned += 1
            }
            if let linked = attempt.linkedRecord {
                pass.answers.append(Answer(entryID: entry.id, recordSequence: entry.recordSequence, linkedRecord: linked, result: result))
            }
        }
        if pass != Pass() {
            logger.info("eligibility re-check pass", metadata: [
                "resolved": "\(pass.resolved)", "rescheduled": "\(pass.rescheduled)", "abandoned": "\(pass.abandoned)",
            ])
        }
        return pass
    }

    /// Runs passes every `interval` until the task is cancelled. Store failures are logged (by code)
    /// and retried on the next pass: a locked database must not kill the worker.
    public func run(every interval: Duration = .seconds(30)) async {
        while !Task.isCancelled {
            do {
                _ = try await runOnce()
            } catch {
                logger.warning("eligibility re-check pass failed", metadata: ["problem": "\(error.code)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
