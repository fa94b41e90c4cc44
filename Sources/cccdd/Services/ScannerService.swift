import CCCDIdentity
import KioskConfiguration
import KioskPipeline
import Logging
import ScannerInput
import ServiceLifecycle

/// Reads every configured (or discovered) scanner and hands each scan, parsed, to the pipeline.
/// Scanned bytes are personal data: only their length and the parse result's code are logged.
struct ScannerService: Service {
    /// The devices `[scanners]` lists (explicit mode).
    let sources: [any ScanSource]
    /// Auto mode: the scanners found in sysfs, looked for again while the daemon runs.
    let fleet: ScannerFleet?
    let coordinator: PresentationCoordinator
    let board: StatusBoard
    let logger: Logger

    func run() async throws {
        guard !sources.isEmpty || fleet != nil else {
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for source in sources {
                    group.addTask { await read(source) }
                }
                if let fleet {
                    group.addTask { await follow(fleet) }
                }
            }
        }
    }

    /// Reads each scanner the fleet finds for as long as its node exists: one plugged in after
    /// start is read from the next look on, one unplugged for good leaves the status board.
    private func follow(_ fleet: ScannerFleet) async {
        var reading: [String: Task<Void, Never>] = [:]
        for await change in fleet.changes() {
            switch change {
            case .appeared(let scanner):
                guard let source = Self.source(for: scanner) else { continue }
                logger.notice("scanner found", metadata: ["scanner": "\(source.name)", "mode": "\(scanner.mode)"])
                reading[source.name] = Task { await read(source) }
            case .vanished(let node):
                guard let task = reading.removeValue(forKey: node) else { continue }
                logger.notice("scanner gone", metadata: ["scanner": "\(node)"])
                task.cancel()
                await task.value
                await board.forgetScanner(node)
            case .lookFailed(let error):
                logger.warning("scanner discovery failed", metadata: ["code": "\(error.code)"])
            }
        }
        for task in reading.values { task.cancel() }
        for task in reading.values { await task.value }
    }

    private func read(_ source: any ScanSource) async {
        do {
            try await source.scan { event in await handle(event, from: source.name) }
        } catch {
            if !Task.isCancelled {
                logger.error("scanner stopped", metadata: ["scanner": "\(source.name)", "error": "\(error)"])
                await board.scanner(source.name, connected: false)
            }
        }
    }

    private func handle(_ event: ScanEvent, from name: String) async {
        switch event {
        case .payload(let payload):
            do {
                let scanned = try payload.parsedQR()
                await coordinator.handle(.scanned(scanned))
            } catch {
                logger.notice("scan not usable", metadata: ["scanner": "\(name)", "bytes": "\(payload.bytes.count)", "code": "\(error.code)"])
                await coordinator.handle(.unreadableScan(error))
            }
        case .connected:
            logger.info("scanner connected", metadata: ["scanner": "\(name)"])
            await board.scanner(name, connected: true)
        case .disconnected(let reason):
            logger.warning("scanner disconnected", metadata: ["scanner": "\(name)", "reason": "\(reason)"])
            await board.scanner(name, connected: false)
        case .discarded(let error):
            logger.notice("scan discarded", metadata: ["scanner": "\(name)", "code": "\(error.code)"])
            await coordinator.handle(.unreadableScan(error))
        case .degraded(let error):
            logger.warning("scanner degraded", metadata: ["scanner": "\(name)", "code": "\(error.code)"])
            await board.scanner(name, connected: true, degraded: true)
        }
    }

    /// The devices `[scanners]` lists; none in auto mode (see ``fleet(for:)``) or with scanners off.
    static func sources(for section: DaemonConfiguration.Scanners) -> [any ScanSource] {
        section.mode == .explicit ? section.devices.compactMap(source(for:)) : []
    }

    /// Auto mode's scanners, found in sysfs now and every few seconds after.
    static func fleet(for section: DaemonConfiguration.Scanners) -> ScannerFleet? {
        section.mode == .auto ? ScannerFleet(interval: .seconds(5)) : nil
    }

    /// How a discovered scanner is read, by the mode its USB interface is in.
    static func source(for scanner: DiscoveredScanner) -> (any ScanSource)? {
        guard let node = scanner.node else { return nil }
        switch scanner.mode {
        case .serial: return SerialScanSource(path: node, configuration: SerialConfiguration(baudRate: 115_200, terminator: .carriageReturn))
        case .hidPOS: return HIDRawScanSource(path: node)
        case .keyboard: return KeyboardWedgeScanSource(path: node, configuration: KeyboardWedgeConfiguration(grabKeystrokes: true))
        }
    }

    private static func source(for device: DaemonConfiguration.Scanners.Device) -> (any ScanSource)? {
        switch (device.location, device.kind) {
        case (.path(let path), .serial):
            let terminator: SerialConfiguration.Terminator = switch device.suffix {
            case .cr: .carriageReturn
            case .lf: .lineFeed
            case .crlf: .carriageReturnLineFeed
            }
            return SerialScanSource(path: path, configuration: SerialConfiguration(baudRate: device.baud, terminator: terminator))
        case (.path(let path), .hidraw):
            return HIDRawScanSource(path: path)
        case (.path(let path), .keyboard):
            return KeyboardWedgeScanSource(path: path, configuration: KeyboardWedgeConfiguration(grabKeystrokes: true))
        case (.usb(let vendor, let product), .usbHIDPOS):
            return USBHIDPOSScanSource(vendorID: vendor, productID: product)
        default:
            return nil
        }
    }
}
