import CCCDTestSupport
import Foundation
import QRImaging
import ScannerInput
import Testing

/// libzbar's video API on real device nodes. Build machines have no camera and no
/// v4l2loopback module, so the capture test below is skipped there (and says so); the
/// error paths run everywhere against nodes that do exist.
struct CameraDeviceTests {
    static let videoDevices: [String] = {
        let nodes = (try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []
        let found = nodes.filter { $0.hasPrefix("video") }.sorted().map { "/dev/\($0)" }
        if found.isEmpty {
            print("SKIPPED: no /dev/video* on this machine; live camera capture is untested here")
        }
        return found
    }()

    private func openError(_ path: String) -> CameraError? {
        do {
            _ = try ZbarCamera(devicePath: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("A missing node is a retryable 'device missing'")
    func missingNode() {
        let error = openError("/dev/video-cccd-test-absent")
        #expect(error?.kind == .deviceMissing)
        #expect(error?.isRetryable == true)
        let sized = ZbarCamera.opener(width: 1280, height: 720)
        let viaOpener = #expect(throws: CameraError.self) { _ = try sized("/dev/video-cccd-test-absent") }
        #expect(viaOpener?.kind == .deviceMissing)
    }

    @Test("A node that is not a V4L2 device fails to open, with zbar's reason in the diagnostic")
    func notAVideoNode() async throws {
        let error = openError("/dev/null")
        #expect(throws: CameraError.self) { _ = try ZbarCamera.opener(width: 1280, height: 720)("/dev/null") }
        #expect(error?.kind == .openFailed)
        #expect(error?.diagnostic?.hasPrefix("/dev/null: ") == true)
        try await withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("video0")
            try Data("not a camera".utf8).write(to: file)
            #expect(openError(file.path)?.kind == .openFailed)
        }
    }

    @Test("With no camera the source reports it disconnected, keeps retrying, and stops on cancel")
    func sourceWithoutCamera() async throws {
        let source = CameraScanSource(
            devicePath: "/dev/video-cccd-test-absent",
            configuration: .init(reconnect: ReconnectBackoff(initial: .milliseconds(5), maximum: .milliseconds(20)))
        )
        #expect(source.name == "/dev/video-cccd-test-absent")
        let events = AsyncStream.makeStream(of: ScanEvent.self)
        let scanning = Task { try await source.scan { events.continuation.yield($0) } }
        var iterator = events.stream.makeAsyncIterator()
        let first = await iterator.next()
        scanning.cancel()
        try await scanning.value
        guard case .disconnected(let reason)? = first else { Issue.record("got \(String(describing: first))"); return }
        #expect(reason.hasPrefix("qr.camera.deviceMissing"))
    }

    @Test(
        "A real camera opens and delivers gray frames",
        .enabled(if: !videoDevices.isEmpty, "no /dev/video* on this machine (no camera, no v4l2loopback)")
    )
    func liveCapture() throws {
        let camera = try ZbarCamera(devicePath: Self.videoDevices[0])
        var frame: GrayImage?
        for _ in 0..<50 where frame == nil {
            frame = try camera.nextFrame(timeout: .milliseconds(200))
        }
        let image = try #require(frame, "no frame from \(Self.videoDevices[0]) in 50 attempts")
        #expect(image.pixels.count == image.width * image.height)
        _ = try QRSymbolDecoder().decode(image)
    }
}
