import KioskConfiguration
import KioskPipeline
import Logging
import ServiceLifecycle
import SmartCardReader

/// Follows PC/SC (readers added and removed, cards inserted and removed, pcscd lost and back)
/// and tells the pipeline and the status board. The watcher itself re-establishes a lost pcscd
/// context with backoff; this loop only translates.
struct ReaderWatchService: Service {
    let service: PCSCService
    let readers: DaemonConfiguration.Readers
    let coordinator: PresentationCoordinator
    let board: StatusBoard
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            for await event in service.events() {
                await handle(event)
            }
        }
    }

    private func handle(_ event: ReaderEvent) async {
        switch event {
        case .readerAdded(let name), .readerRemoved(let name):
            guard accepts(name) else { return }
            await board.reader(event)
            await coordinator.handle(.readersChanged(await board.readerNames))
            logger.info("reader \(event.isAddition ? "added" : "removed")", metadata: ["reader": "\(name)"])
        case .cardInserted(let name, _):
            guard accepts(name) else { return }
            await board.reader(event)
            await coordinator.handle(.cardInserted(reader: name))
        case .cardRemoved(let name):
            guard accepts(name) else { return }
            await board.reader(event)
            await coordinator.handle(.cardRemoved(reader: name))
        case .serviceLost:
            logger.warning("pcscd is not answering; reconnecting")
            await board.reader(event)
            await coordinator.handle(.readersChanged([]))
        case .serviceRestored:
            logger.notice("pcscd is back")
            await board.reader(event)
        }
    }

    /// The `[readers]` include/exclude filters (name substrings).
    private func accepts(_ name: String) -> Bool {
        if readers.exclude.contains(where: { name.contains($0) }) { return false }
        return readers.include.isEmpty || readers.include.contains { name.contains($0) }
    }
}

extension ReaderEvent {
    fileprivate var isAddition: Bool {
        if case .readerAdded = self { return true }
        return false
    }
}
