public import Eligibility
public import Logging

/// Works through due re-check entries with a gateway, in the background of the daemon.
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

        public init(resolved: Int = 0, rescheduled: Int = 0, abandoned: Int = 0) {
            self.resolved = resolved
            self.rescheduled = rescheduled
            self.abandoned = abandoned
        }
    }

    /// Asks again about every due entry (at most `limit`), one at a time to spare the gateway.
    public func runOnce(limit: Int = 20) async throws(RecheckStoreError) -> Pass {
        var pass = Pass()
        for entry in try queue.due(limit: limit) {
            if Task.isCancelled { break }
            let result = await gateway.lookUp(entry.query)
            switch try queue.record(result, for: entry.id) {
            case .resolved: pass.resolved += 1
            case .pending: pass.rescheduled += 1
            case .abandoned: pass.abandoned += 1
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
