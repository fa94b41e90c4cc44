import ArgumentParser
import CCCDIdentity
import Foundation
import ScannerInput

/// `cccdctl scanners watch`: read one scanner and print what arrives, for an admin testing a
/// scanner's mode and suffix. Only lengths and fidelity are printed unless `--show-payload` is
/// given, because a test scan of a real card is a person's identity.
struct WatchScannerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Read one scanner and print each scan's length and fidelity."
    )

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case serial, hidpos, keyboard
    }

    @Option(help: ArgumentHelp(
        "The device node, e.g. /dev/ttyACM0, /dev/hidraw0, /dev/input/event3.",
        discussion: "With --mode hidpos, usb:VVVV:PPPP reads the scanner through libusb instead of hidraw."))
    var device: String

    @Option(help: "How the scanner is attached: serial, hidpos or keyboard.")
    var mode: Mode

    @Option(help: "Serial line speed.")
    var baud = 9600

    @Option(help: "Serial frame suffix: cr, lf, crlf or none.")
    var terminator: Suffix = .cr

    enum Suffix: String, ExpressibleByArgument, CaseIterable {
        case cr, lf, crlf, none

        var terminator: SerialConfiguration.Terminator {
            switch self {
            case .cr: .carriageReturn
            case .lf: .lineFeed
            case .crlf: .carriageReturnLineFeed
            case .none: .none
            }
        }
    }

    @Option(help: "Stop after this many scans.")
    var count: Int?

    @Flag(help: "Do not grab a keyboard-mode scanner (its keystrokes also reach the desktop).")
    var noGrab = false

    @Flag(help: "Also print each scan's text. It is personal data: use only with test cards.")
    var showPayload = false

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
        if device.hasPrefix("usb:") && (mode != .hidpos || usbID == nil) {
            throw ValidationError("usb:VVVV:PPPP (hex IDs) needs --mode hidpos.")
        }
    }

    /// `usb:1eab:1a10` → the libusb fallback.
    private var usbID: USBID? {
        device.hasPrefix("usb:") ? USBID(String(device.dropFirst(4))) : nil
    }

    func run() async throws {
        let (events, continuation) = AsyncStream<ScanEvent>.makeStream()
        let source = makeSource()
        let reading = Task {
            defer { continuation.finish() }
            try await source.scan { continuation.yield($0) }
        }
        var scans = 0
        for await event in events {
            // Unbuffered, so each scan shows the moment it arrives even through a pipe.
            FileHandle.standardOutput.write(Data((describe(event) + "\n").utf8))
            guard case .payload = event else { continue }
            scans += 1
            if let count, scans >= count { reading.cancel() }
        }
        do {
            try await reading.value
        } catch let error as ScannerError {
            ScannersStandardError.write(error.operatorText())
            throw ExitCode(2)
        }
    }

    private func makeSource() -> any ScanSource {
        switch mode {
        case .serial:
            SerialScanSource(path: device, configuration: SerialConfiguration(baudRate: baud, terminator: terminator.terminator))
        case .hidpos:
            if let id = usbID {
                USBHIDPOSScanSource(vendorID: id.vendor, productID: id.product)
            } else {
                HIDRawScanSource(path: device)
            }
        case .keyboard:
            KeyboardWedgeScanSource(path: device, configuration: KeyboardWedgeConfiguration(grabKeystrokes: !noGrab))
        }
    }

    private func describe(_ event: ScanEvent) -> String {
        switch event {
        case .connected:
            return "connected: \(device)"
        case .disconnected(let reason):
            return "disconnected: \(reason)"
        case .discarded(let error):
            return "discarded: \(error)"
        case .degraded(let error):
            return "warning: \(error)"
        case .payload(let payload):
            var line = "scan: \(payload.bytes.count) bytes, "
            switch payload.fidelity {
            case .exact: line += "exact"
            case .mangled(let reason): line += "mangled (\(reason))"
            }
            if showPayload { line += "\n  " + String(decoding: payload.bytes, as: UTF8.self) }
            return line
        }
    }
}
