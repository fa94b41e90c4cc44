import ScannerInput

/// The camera's synchronous read loop: open, read frames, decode, suppress repeats, reopen.
///
/// It runs on a dedicated thread (see ``CameraScanSource``) because capture blocks in C calls;
/// it owns that thread's ``QRSymbolDecoder`` and ``RepeatSuppressor``.
struct CaptureLoop: Sendable {
    var devicePath: String
    var holdOff: Duration
    var backoff: ReconnectBackoff
    /// Longest wait for one frame; bounds how long a stop request can go unnoticed.
    var frameWait: Duration
    var open: CameraOpener
    var now: @Sendable () -> ContinuousClock.Instant

    /// Runs until `stop` is requested; throws only errors a reconnect cannot fix.
    func run(until stop: StopSignal, emit: (ScanEvent) -> Void) throws(CameraError) {
        let decoder: QRSymbolDecoder
        do { decoder = try QRSymbolDecoder() } catch { throw .decoderUnavailable(error) }
        var suppressor = RepeatSuppressor(holdOff: holdOff)
        var delay = backoff.initial
        // Report a device going away once, not on every failed reopen attempt.
        var reportedDown = false

        while !stop.isRequested {
            do {
                let camera = try open(devicePath)
                emit(.connected)
                reportedDown = false
                delay = backoff.initial
                try read(camera, decoder: decoder, suppressor: &suppressor, until: stop, emit: emit)
            } catch where error.isRetryable {
                if !reportedDown {
                    emit(.disconnected(reason: error.description))
                    reportedDown = true
                }
                stop.sleep(for: delay)
                delay = backoff.delay(after: delay)
            }
        }
    }

    /// Reads frames from one opened camera until stop or a capture error; the camera is
    /// released when this returns (its last reference goes away).
    private func read(
        _ camera: any VideoFrameSource, decoder: QRSymbolDecoder, suppressor: inout RepeatSuppressor,
        until stop: StopSignal, emit: (ScanEvent) -> Void
    ) throws(CameraError) {
        while !stop.isRequested {
            guard let frame = try camera.nextFrame(timeout: frameWait) else { continue }
            // zbar fails a scan only when out of memory; losing one frame of a 30 fps stream
            // is harmless, and the next frame tries again.
            guard let symbols = try? decoder.decode(frame) else { continue }
            let seenAt = now()
            for symbol in symbols where suppressor.admit(symbol.bytes, at: seenAt) {
                emit(.payload(ScannedPayload(bytes: symbol.bytes, transport: .camera)))
            }
        }
    }
}
