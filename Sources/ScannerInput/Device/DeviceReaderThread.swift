import Foundation

/// Runs one open device's blocking reads on a thread of its own.
///
/// Device reads block (`poll`, libusb transfers). On Swift's cooperative pool — one thread per
/// core, two on a kiosk — a blocked read would starve the rest of the daemon, so each open device
/// gets one ordinary thread. The async side asks for one read at a time, which is natural
/// backpressure: nothing piles up in memory when the consumer is slow. Cancellation signals the
/// ``WakeSignal`` and the thread's `poll` returns at once.
///
/// `@unchecked Sendable`: `pending`, `stopping`, `exited` and `exitWaiter` are read and written
/// only while `condition` is locked; `device` and `wake` are immutable and `Sendable`.
final class DeviceReaderThread: @unchecked Sendable {
    private struct Request {
        var maxBytes: Int
        var timeout: Duration?
        var continuation: CheckedContinuation<DeviceRead, Never>
    }

    private let device: any BlockingDevice
    private let wake: WakeSignal
    private let condition = NSCondition()
    private var pending: Request?
    private var stopping = false
    private var exited = false
    private var exitWaiter: CheckedContinuation<Void, Never>?

    /// Starts the thread. The device is owned from here on: it is closed when the thread ends.
    init(device: any BlockingDevice, wake: WakeSignal) {
        self.device = device
        self.wake = wake
        let thread = Thread { [self] in run() }
        thread.name = "scanner-reader"
        thread.start()
    }

    /// One read; returns `.cancelled` promptly when the calling task is cancelled.
    func read(maxBytes: Int, timeout: Duration?) async -> DeviceRead {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                condition.lock()
                if stopping {
                    condition.unlock()
                    continuation.resume(returning: .cancelled)
                    return
                }
                pending = Request(maxBytes: maxBytes, timeout: timeout, continuation: continuation)
                condition.signal()
                condition.unlock()
            }
        } onCancel: {
            wake.signal()
        }
    }

    /// Stops the thread and closes the device; returns only after both, so no descriptor
    /// outlives the session that opened it.
    func shutdown() async {
        wake.signal()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            if exited {
                condition.unlock()
                continuation.resume()
                return
            }
            stopping = true
            exitWaiter = continuation
            condition.signal()
            condition.unlock()
        }
    }

    private func run() {
        while let request = nextRequest() {
            let outcome = device.read(maxBytes: request.maxBytes, timeout: request.timeout, wake: wake)
            request.continuation.resume(returning: outcome)
        }
        device.close()
        condition.lock()
        exited = true
        let waiter = exitWaiter
        exitWaiter = nil
        condition.unlock()
        waiter?.resume()
    }

    /// Waits for the next read request; nil once shutdown was asked and no request is left.
    private func nextRequest() -> Request? {
        condition.lock()
        defer { condition.unlock() }
        while pending == nil && !stopping {
            condition.wait()
        }
        let request = pending
        pending = nil
        return request
    }
}
