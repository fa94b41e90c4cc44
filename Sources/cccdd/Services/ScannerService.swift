import CCCDIdentity
import KioskConfiguration
import KioskPipeline
import Logging
import ScannerInput
import ServiceLifecycle

/// Reads every configured (or discovered) scanner and hands each scan, parsed, to the pipeline.
/// Scanned bytes are personal data: only their length and the parse result's code are logged.
struct ScannerService: Service {
    let sources: [any ScanSource]
    let coordinator: PresentationCoordinator
    let board: StatusBoard
    let logger: Logger

    func run() async throws {
        guard !sources.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for source in sources {
                    group.addTask { await read(source) }
                }
            }
        }
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

    /// The sources `[scanners]` asks for: the listed devices, or every recognised scanner found
    /// in sysfs at start (`auto`), or none.
    static func sources(for section: DaemonConfiguration.Scanners, logger: Logger) -> [any ScanSource] {
        switch section.mode {
        case .none:
            return []
        case .explicit:
            return section.devices.compactMap(source(for:))
        case .auto:
            do {
                return try ScannerDiscovery().discover().compactMap { scanner -> (any ScanSource)? in
                    guard let node = scanner.node else { return nil }
                    switch scanner.mode {
                    case .serial: return SerialScanSource(path: node, configuration: SerialConfiguration(baudRate: 115_200, terminator: .carriageReturn))
                    case .hidPOS: return HIDRawScanSource(path: node)
                    case .keyboard: return KeyboardWedgeScanSource(path: node, configuration: KeyboardWedgeConfiguration(grabKeystrokes: true))
                    }
                }
            } catch {
                logger.warning("scanner discovery failed", metadata: ["code": "\(error.code)"])
                return []
            }
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
