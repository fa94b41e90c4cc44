import CCCDTestSupport
import Foundation
@testable import QRImaging
import ScannerInput
import Testing

/// The camera source end to end except V4L2: real qrencode images as frames, the product's
/// decoder, repeat suppression, reconnect and cancellation. See ``ScriptedCamera`` for why.
@Suite(.enabled(if: ImageTools.haveQREncode, "needs qrencode (TEST_DEBS)"), .timeLimit(.minutes(1)))
struct CameraLoopTests {
    /// Frames for the 2021 and 2024 sample cards and an empty scene.
    struct Frames {
        let card2021: GrayImage, card2024: GrayImage, empty: GrayImage

        static func make() async throws -> Frames {
            try await withTemporaryDirectory { folder in
                func frame(_ payload: String) async throws -> GrayImage {
                    let png = folder.appendingPathComponent("\(payload.hashValue).png")
                    try await ImageTools.encodeQR(Array(payload.utf8), to: png, moduleSize: 3)
                    return try StillImageLoader.load(contentsOf: png)
                }
                let card = try await frame(Samples.cccd2021)
                let blank = try #require(GrayImage(width: card.width, height: card.height,
                                                   pixels: [UInt8](repeating: 250, count: card.pixels.count)))
                return try await Frames(card2021: card, card2024: frame(Samples.cccd2024), empty: blank)
            }
        }
    }

    private func frames(_ image: GrayImage, _ count: Int) -> [ScriptedCamera.Step] {
        Array(repeating: .frame(image), count: count)
    }

    @Test("A card held in view is delivered once; shown again after the hold-off, once more")
    func heldCardOnce() async throws {
        let f = try await Frames.make()
        let steps = frames(f.card2021, 8)      // held for 0.8 s
            + frames(f.empty, 3)               // a 0.3 s gap (hand moves), shorter than the hold-off
            + frames(f.card2021, 4)
            + frames(f.empty, 25)              // taken away for 2.5 s
            + frames(f.card2021, 3)            // shown again: a new check-in
            + frames(f.card2024, 5)            // the next patient's card
        let rig = CameraRig([.camera(steps)])
        let log = EventLog()
        let scanning = Task { try await rig.source(holdOff: .seconds(2)).scan { await log.append($0) } }
        await log.wait(forCount: 4)
        scanning.cancel()
        try await scanning.value

        let card2021 = Array(Samples.cccd2021.utf8), card2024 = Array(Samples.cccd2024.utf8)
        #expect(await log.events == [
            .connected,
            .payload(ScannedPayload(bytes: card2021, transport: .camera)),
            .payload(ScannedPayload(bytes: card2021, transport: .camera)),
            .payload(ScannedPayload(bytes: card2024, transport: .camera)),
        ])
        #expect(rig.snapshot.opened == 1 && rig.snapshot.released == 1)
    }

    @Test(
        "Two cards in one frame are both delivered, each once",
        .enabled(if: ImageTools.haveBoth, "needs ImageMagick convert (TEST_DEBS)")
    )
    func twoCardsInOneFrame() async throws {
        let f = try await Frames.make()
        try await withTemporaryDirectory { folder in
            let both = folder.appendingPathComponent("both.png")
            let first = folder.appendingPathComponent("a.png"), second = folder.appendingPathComponent("b.png")
            try await ImageTools.encodeQR(Array(Samples.cccd2021.utf8), to: first, moduleSize: 3)
            try await ImageTools.encodeQR(Array(Samples.bhyt.utf8), to: second, moduleSize: 3)
            try await ImageTools.convert([first.path, second.path, "+append", both.path])
            let pair = try StillImageLoader.load(contentsOf: both)
            let rig = CameraRig([.camera(frames(pair, 6) + frames(f.card2021, 3))])
            let log = EventLog()
            let scanning = Task { try await rig.source().scan { await log.append($0) } }
            await log.wait(forCount: 3)
            scanning.cancel()
            try await scanning.value
            #expect(await Set(log.payloads) == [Array(Samples.cccd2021.utf8), Array(Samples.bhyt.utf8)])
            #expect(await log.events.count == 3)
        }
    }

    @Test("A vanished camera is reported once, reopened, and a card still in view is not repeated")
    func reconnect() async throws {
        let f = try await Frames.make()
        let rig = CameraRig([
            .refuse(.deviceMissing("/dev/video-test")),
            .camera(frames(f.card2021, 2) + [.fail(.captureFailed("/dev/video-test", "unplugged"))]),
            .refuse(.deviceMissing("/dev/video-test")),
            .refuse(.openFailed("/dev/video-test", "busy")),
            .camera(frames(f.card2021, 2) + frames(f.card2024, 2)),
        ])
        let log = EventLog()
        let scanning = Task { try await rig.source().scan { await log.append($0) } }
        await log.wait(forCount: 6)
        scanning.cancel()
        try await scanning.value

        let events = await log.events
        guard events.count == 6,
              case .disconnected(let missing) = events[0], case .disconnected(let unplugged) = events[3]
        else { Issue.record("unexpected events \(events)"); return }
        #expect(missing.hasPrefix("qr.camera.deviceMissing"))
        #expect(unplugged.hasPrefix("qr.camera.captureFailed"))
        #expect(!unplugged.contains("unplugged"), "the reason is the safe description, not the diagnostic")
        #expect(events[1] == .connected && events[4] == .connected)
        #expect(await log.payloads == [Array(Samples.cccd2021.utf8), Array(Samples.cccd2024.utf8)])
        #expect(rig.snapshot.attempts == 5)
        #expect(rig.snapshot.opened == 2 && rig.snapshot.released == 2)
    }

    @Test("Permission denied is thrown to the caller, not retried")
    func permissionDeniedThrows() async throws {
        let rig = CameraRig([.refuse(.permissionDenied("/dev/video-test"))])
        let log = EventLog()
        let error = await #expect(throws: CameraError.self) {
            try await rig.source().scan { await log.append($0) }
        }
        #expect(error?.kind == .permissionDenied)
        #expect(error?.isRetryable == false)
        #expect(rig.snapshot.attempts == 1)
        #expect(await log.events.isEmpty)
    }

    @Test("Cancellation stops capture and releases the camera before scan returns")
    func cancellationReleases() async throws {
        let rig = CameraRig([.camera([])])   // opens, then an empty scene forever
        let log = EventLog()
        let scanning = Task { try await rig.source().scan { await log.append($0) } }
        await log.wait(forCount: 1)
        #expect(rig.snapshot.opened == 1 && rig.snapshot.released == 0)
        scanning.cancel()
        try await scanning.value
        #expect(rig.snapshot.released == 1)
        #expect(await log.events == [.connected])
    }

    @Test("Repeat suppression by itself: renewals, expiry, independent codes")
    func suppressor() {
        let start = ContinuousClock.now
        var suppressor = RepeatSuppressor(holdOff: .seconds(2))
        let a: [UInt8] = [1, 2, 3], b: [UInt8] = [0xC3, 0x28]
        let sightings: [([UInt8], Duration)] = [
            (a, .zero),
            (a, .seconds(1.5)),
            (a, .seconds(3)),      // renewed at 1.5 s, so still held
            (b, .seconds(3.1)),    // another code is independent
            (a, .seconds(5)),      // gone for 2 s: a new sighting
            (b, .seconds(5)),
        ]
        let admitted = sightings.map { suppressor.admit($0.0, at: start + $0.1) }
        #expect(admitted == [true, false, false, true, true, false])
    }

    @Test("Backoff doubles up to its maximum")
    func backoff() {
        let backoff = ReconnectBackoff(initial: .milliseconds(250), maximum: .seconds(1))
        #expect(backoff.delay(after: .milliseconds(250)) == .milliseconds(500))
        #expect(backoff.delay(after: .milliseconds(500)) == .seconds(1))
        #expect(backoff.delay(after: .seconds(1)) == .seconds(1))
    }
}
