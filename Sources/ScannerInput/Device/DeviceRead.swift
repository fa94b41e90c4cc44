/// What one blocking read of a device produced.
enum DeviceRead: Sendable, Equatable {
    /// At least one byte (one HID report, one chunk of a serial line, some input events).
    case data([UInt8])
    /// Nothing arrived within the requested timeout: the decoder's quiet deadline passed.
    case quiet
    /// The device went away (hang-up, `EIO`, end of file, USB disconnect); `reason` is system
    /// wording, never data.
    case gone(reason: String)
    /// The reading task was cancelled.
    case cancelled
}

/// A device as the reader thread sees it: blocking reads that a ``WakeSignal`` can interrupt.
///
/// The protocol sits in front of the two kinds of device the scanners use — file descriptors
/// (tty, hidraw, evdev, and the FIFOs and pseudo-terminals tests use) and libusb handles — so the
/// reconnect loop and the decoders do not care which one they read.
protocol BlockingDevice: Sendable {
    /// Blocks until bytes arrive (at most `maxBytes`), `timeout` passes, the device goes away, or
    /// `wake` is signalled. `timeout == nil` waits without a deadline.
    func read(maxBytes: Int, timeout: Duration?, wake: WakeSignal) -> DeviceRead
    /// Releases the device. Called once, on the reader thread, after the last read.
    func close()
}

extension Duration {
    /// Milliseconds for `poll()` and libusb, rounded up so a short timeout never becomes a busy loop.
    var pollMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        guard seconds < Int64(Int32.max) / 1000 else { return Int32.max }  // also no overflow below
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: millis)
    }
}
