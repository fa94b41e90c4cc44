import Ledger
import Logging
import KioskPipeline
import ServiceLifecycle

/// Drains the ledger's re-check queue: lookups that got no answer are asked again with backoff;
/// each answer (or the give-up) becomes a new record linked to the original, so the visit's claim
/// can be fixed before it is submitted. The queue lives in the ledger's file: nothing is lost
/// across a restart. Each pass asks the gateway chain the pipeline uses now (a SIGHUP may change it).
struct RecheckService: Service {
    let queue: RecheckQueue
    let coordinator: PresentationCoordinator
    let board: StatusBoard
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await pass()
                try? await Task.sleep(for: interval)
            }
        }
    }

    private func pass() async {
        let worker = RecheckWorker(queue: queue, gateway: await coordinator.gateway, logger: logger)
        do {
            let pass = try await worker.runOnce()
            guard pass.resolved + pass.rescheduled + pass.abandoned > 0 else { return }
            logger.notice("re-check pass", metadata: [
                "resolved": "\(pass.resolved)", "rescheduled": "\(pass.rescheduled)", "abandoned": "\(pass.abandoned)",
            ])
            for answer in pass.answers {
                await board.lookupFinished(outcome: answer.result.outcome.rawValue, adapter: answer.result.source)
            }
            await board.refresh()
        } catch {
            logger.warning("re-check pass failed", metadata: ["code": "\(error.code)"])
        }
    }
}
