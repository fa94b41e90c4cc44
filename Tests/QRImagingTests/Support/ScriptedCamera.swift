import Foundation
@testable import QRImaging
import ScannerInput
import Synchronization

/// A camera made of real images, played in order, for the capture loop's tests: there is no
/// `/dev/video*` (and no v4l2loopback module) on build machines. Frames are gray images
/// decoded from qrencode PNGs, so the frame → decoder → payload path is the product's own;
/// only the V4L2 capture underneath is replaced.
final class ScriptedCamera: VideoFrameSource {
    enum Step {
        case frame(GrayImage)
        case fail(CameraError)
    }

    private var steps: [Step]
    private let rig: CameraRig

    init(_ steps: [Step], rig: CameraRig) {
        self.steps = steps
        self.rig = rig
        rig.count { $0.opened += 1 }
    }

    deinit {
        rig.count { $0.released += 1 }
    }

    func nextFrame(timeout: Duration) throws(CameraError) -> GrayImage? {
        rig.clock.advance(by: .milliseconds(100))  // every frame is 100 ms of virtual time
        guard !steps.isEmpty else { return nil }     // script over: an empty scene
        switch steps.removeFirst() {
        case .frame(let image): return image
        case .fail(let error): throw error
        }
    }
}

/// What the tests set up around a scripted camera: what each open attempt does, a virtual
/// clock, and counts of opened and released cameras.
final class CameraRig: Sendable {
    enum Attempt {
        case camera([ScriptedCamera.Step])
        case refuse(CameraError)
    }

    struct Counts {
        var opened = 0
        var released = 0
        var attempts = 0
    }

    let clock = VirtualClock()
    private let script: Mutex<[Attempt]>
    private let counts = Mutex(Counts())

    init(_ attempts: [Attempt]) {
        script = Mutex(attempts)
    }

    var snapshot: Counts { counts.withLock { $0 } }

    func count(_ change: (inout Counts) -> Void) {
        counts.withLock { change(&$0) }
    }

    /// The opener handed to ``CameraScanSource``. Past the script, the device is missing.
    func open(_ path: String) throws(CameraError) -> any VideoFrameSource {
        count { $0.attempts += 1 }
        let next = script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        switch next {
        case .camera(let steps)?: return ScriptedCamera(steps, rig: self)
        case .refuse(let error)?: throw error
        case nil: throw .deviceMissing(path)
        }
    }

    func source(holdOff: Duration = .seconds(2)) -> CameraScanSource {
        CameraScanSource(
            devicePath: "/dev/video-test",
            configuration: .init(holdOff: holdOff, reconnect: ReconnectBackoff(initial: .milliseconds(1),
                                                                            maximum: .milliseconds(4))),
            open: { path throws(CameraError) in try self.open(path) },
            now: { self.clock.now }
        )
    }
}

/// Time that moves only when the scripted camera delivers a frame.
final class VirtualClock: Sendable {
    private let current = Mutex(ContinuousClock.now)

    var now: ContinuousClock.Instant { current.withLock { $0 } }

    func advance(by duration: Duration) {
        current.withLock { $0 += duration }
    }
}

/// Collects a source's events and lets a test wait for a number of them (no sleeping).
actor EventLog {
    private(set) var events: [ScanEvent] = []
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    func append(_ event: ScanEvent) {
        events.append(event)
        let ready = waiters.filter { $0.count <= events.count }
        waiters.removeAll { $0.count <= events.count }
        for waiter in ready { waiter.continuation.resume() }
    }

    func wait(forCount count: Int) async {
        guard events.count < count else { return }
        await withCheckedContinuation { waiters.append((count, $0)) }
    }

    var payloads: [[UInt8]] {
        events.compactMap { if case .payload(let payload) = $0 { payload.bytes } else { nil } }
    }
}
