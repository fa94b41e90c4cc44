/// The life of every device-backed source: open, read until the device goes away, reopen.
///
/// Events follow the ``ScanSource`` contract: `.connected` after each successful open,
/// `.disconnected` once when the device is missing or vanishes (not once per retry), and a throw
/// only for errors whose ``ScannerError/Recovery`` is `.reconfigure`, and only before the device
/// was first open. After that every open error is retried (and reported once): a permission error
/// right after a replug is normal, since udev applies the group and mode a moment after the node
/// appears, and a daemon that already read scans should not die over it.
struct ReconnectingReader: Sendable {
    var policy: ReconnectPolicy

    func run<Decoder: ChunkDecoder>(
        open: () throws(ScannerError) -> OpenedDevice,
        makeDecoder: () -> Decoder,
        deliver: @Sendable (ScanEvent) async -> Void
    ) async throws(ScannerError) {
        var delay = policy.initialDelay
        var announcedAbsence = false
        var everConnected = false
        while !Task.isCancelled {
            let opened: OpenedDevice
            let wake: WakeSignal
            do throws(ScannerError) {
                opened = try open()
                do throws(ScannerError) {
                    wake = try WakeSignal()
                } catch {
                    opened.device.close()
                    throw error
                }
            } catch {
                if error.recovery == .reconfigure && !everConnected { throw error }
                if !announcedAbsence {
                    announcedAbsence = true
                    await deliver(.disconnected(reason: error.message.en))
                }
                guard await pause(delay) else { return }
                delay = policy.next(after: delay)
                continue
            }
            everConnected = true
            announcedAbsence = false
            delay = policy.initialDelay
            let reader = DeviceReaderThread(device: opened.device, wake: wake)
            await deliver(.connected)
            for notice in opened.notices { await deliver(.degraded(notice)) }
            let ending = await pump(reader, decoder: makeDecoder(), deliver: deliver)
            await reader.shutdown()
            guard let reason = ending else { return }
            announcedAbsence = true
            await deliver(.disconnected(reason: reason))
            guard await pause(delay) else { return }
        }
    }

    /// Reads and decodes until the device goes away (returns the reason) or the task is cancelled (nil).
    private func pump<Decoder: ChunkDecoder>(
        _ reader: DeviceReaderThread,
        decoder: Decoder,
        deliver: @Sendable (ScanEvent) async -> Void
    ) async -> String? {
        var decoder = decoder
        while true {
            switch await reader.read(maxBytes: decoder.readSize, timeout: decoder.quietDeadline) {
            case .data(let chunk):
                for event in decoder.consume(chunk) { await deliver(event) }
            case .quiet:
                for event in decoder.quiet() { await deliver(event) }
            case .gone(let reason):
                return reason
            case .cancelled:
                return nil
            }
        }
    }

    /// Sleeps between attempts; false when the task was cancelled meanwhile.
    private func pause(_ delay: Duration) async -> Bool {
        try? await Task.sleep(for: delay)
        return !Task.isCancelled
    }
}
