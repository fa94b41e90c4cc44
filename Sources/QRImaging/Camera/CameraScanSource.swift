public import ScannerInput
import Foundation

/// QR codes from a camera (`/dev/videoN`), as a ``ScanSource`` like any hardware scanner.
///
/// Frames are captured through libzbar's video API (``ZbarCamera``), decoded by the same
/// ``QRSymbolDecoder`` as still images (binary mode, QR only), and a code held in view is
/// delivered once (``RepeatSuppressor``). The camera going away is reported as
/// `.disconnected` and reopened with ``ReconnectBackoff``; a permission problem or a node
/// that cannot capture is thrown as a ``CameraError``.
public struct CameraScanSource: ScanSource {
    public struct Configuration: Sendable {
        /// How long a code must be out of view before it is delivered again.
        public var holdOff: Duration
        public var reconnect: ReconnectBackoff
        /// Longest wait for one frame, which bounds how quickly cancellation is noticed.
        public var frameWait: Duration

        public init(
            holdOff: Duration = .seconds(2),
            reconnect: ReconnectBackoff = ReconnectBackoff(),
            frameWait: Duration = .milliseconds(100)
        ) {
            self.holdOff = holdOff
            self.reconnect = reconnect
            self.frameWait = frameWait
        }
    }

    public let devicePath: String
    public let configuration: Configuration
    private let open: CameraOpener
    private let now: @Sendable () -> ContinuousClock.Instant

    public var name: String { devicePath }

    /// A camera source for `devicePath`; `open` is replaceable so the loop can run on frames
    /// from another source (tests, a future GStreamer or libcamera backend).
    public init(
        devicePath: String = "/dev/video0",
        configuration: Configuration = Configuration(),
        open: @escaping CameraOpener = ZbarCamera.open
    ) {
        self.init(devicePath: devicePath, configuration: configuration, open: open, now: { .now })
    }

    /// `now` lets tests drive the hold-off with virtual time instead of waiting in real time.
    init(
        devicePath: String, configuration: Configuration, open: @escaping CameraOpener,
        now: @escaping @Sendable () -> ContinuousClock.Instant
    ) {
        self.devicePath = devicePath
        self.configuration = configuration
        self.open = open
        self.now = now
    }

    public func scan(_ deliver: @escaping @Sendable (ScanEvent) async -> Void) async throws {
        let loop = CaptureLoop(
            devicePath: devicePath, holdOff: configuration.holdOff, backoff: configuration.reconnect,
            frameWait: configuration.frameWait, open: open, now: now
        )
        let stop = StopSignal()
        let (events, sink) = AsyncStream.makeStream(of: ScanEvent.self)

        // Capture blocks in C calls, so it gets its own thread rather than a slot of the
        // cooperative pool. The continuation resumes only once that thread has released
        // the device, so `scan` never returns while the camera is still open.
        async let captureEnded: Void = withCheckedThrowingContinuation {
            (ended: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                defer { sink.finish() }
                do {
                    try loop.run(until: stop) { sink.yield($0) }
                    ended.resume()
                } catch {
                    ended.resume(throwing: error)
                }
            }
            thread.name = "camera \(loop.devicePath)"
            thread.start()
        }
        await withTaskCancellationHandler {
            for await event in events { await deliver(event) }
        } onCancel: {
            stop.request()
        }
        stop.request()
        try await captureEnded
    }
}
