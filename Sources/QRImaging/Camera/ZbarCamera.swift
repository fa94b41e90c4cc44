import CZbar
import Foundation

/// A V4L2 camera read through libzbar's video API (`zbar_video_*`).
///
/// Why the video API rather than `zbar_processor`: the processor owns its own thread and a
/// window, decodes with its own scanner (text-guessing unless configured through strings) and
/// delivers results by callback, which would bypass ``QRSymbolDecoder`` and its binary mode and
/// make cancellation and reconnect harder to control. The video API only captures; every
/// frame then goes through the same decoder as still images.
///
/// Format: `zbar_negotiate_format(video, NULL)` picks, among the formats the device offers,
/// the one cheapest to convert to gray and calls `zbar_video_init` with it. Forcing `Y800`
/// through `zbar_video_init` directly would fail on most webcams, which offer only YUYV or
/// MJPEG; frames not already gray are converted with `zbar_image_convert`.
///
/// Not thread-safe: created and used by one capture thread; `deinit` stops and releases it.
public final class ZbarCamera: VideoFrameSource {
    private let video: OpaquePointer
    private let path: String
    private let descriptor: Int32

    /// Opens and starts `devicePath` at the driver's default size.
    public static func open(_ devicePath: String) throws(CameraError) -> any VideoFrameSource {
        try ZbarCamera(devicePath: devicePath)
    }

    /// An opener asking for `width`×`height`. Many webcams default to 640×480, which is small
    /// for a card's dense QR held at arm's length; the driver picks the nearest size it has.
    public static func opener(width: Int, height: Int) -> CameraOpener {
        { path throws(CameraError) in try ZbarCamera(devicePath: path, requestedSize: (width, height)) }
    }

    /// Opens and starts `devicePath`; throws a typed, classified ``CameraError``.
    public init(devicePath: String, requestedSize: (width: Int, height: Int)? = nil) throws(CameraError) {
        var status = stat()
        guard stat(devicePath, &status) == 0 else { throw .deviceMissing(devicePath) }
        if access(devicePath, R_OK | W_OK) != 0, errno == EACCES || errno == EPERM {
            throw .permissionDenied(devicePath)
        }
        guard let video = zbar_video_create() else { throw .openFailed(devicePath, "zbar_video_create failed") }
        if let size = requestedSize {
            // Only a preference (must precede format negotiation); a refusal is not an error.
            _ = zbar_video_request_size(video, UInt32(clamping: size.width), UInt32(clamping: size.height))
        }
        guard zbar_video_open(video, devicePath) == 0 else {
            let detail = Self.lastError(video)
            zbar_video_destroy(video)
            throw .openFailed(devicePath, detail)
        }
        guard zbar_negotiate_format(video, nil) == 0 else {
            let detail = Self.lastError(video)
            zbar_video_destroy(video)
            throw .notACaptureDevice(devicePath, detail)
        }
        guard zbar_video_enable(video, 1) == 0 else {
            let detail = Self.lastError(video)
            zbar_video_destroy(video)
            throw .openFailed(devicePath, detail)
        }
        self.video = video
        self.path = devicePath
        self.descriptor = zbar_video_get_fd(video)
    }

    deinit {
        zbar_video_enable(video, 0)
        zbar_video_destroy(video)
    }

    public func nextFrame(timeout: Duration) throws(CameraError) -> GrayImage? {
        // Wait with poll() so the capture thread can notice cancellation; zbar_video_next_image
        // itself blocks until a frame arrives. Without a pollable descriptor (old V4L1 drivers)
        // it blocks, and cancellation waits for the next frame.
        if descriptor >= 0 {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(clamping: timeout.components.seconds * 1000
                + timeout.components.attoseconds / 1_000_000_000_000_000)
            let ready = poll(&request, 1, milliseconds)
            if ready < 0 {
                guard errno == EINTR else { throw .captureFailed(path, "poll: \(String(cString: strerror(errno)))") }
                return nil
            }
            if ready == 0 { return nil }
            if request.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 {
                throw .captureFailed(path, "device reported an error or hang-up")
            }
        }
        guard let frame = zbar_video_next_image(video) else { throw .captureFailed(path, Self.lastError(video)) }
        defer { zbar_image_destroy(frame) }
        if zbar_image_get_format(frame) == QRSymbolDecoder.y800 { return Self.gray(frame) }
        guard let converted = zbar_image_convert(frame, QRSymbolDecoder.y800) else { return nil }
        defer { zbar_image_destroy(converted) }
        return Self.gray(converted)
    }

    /// Copies a Y800 zbar image out; `nil` when its buffer is shorter than its size claims.
    private static func gray(_ image: OpaquePointer) -> GrayImage? {
        let width = Int(zbar_image_get_width(image)), height = Int(zbar_image_get_height(image))
        guard width > 0, height > 0, let data = zbar_image_get_data(image),
              Int(zbar_image_get_data_length(image)) >= width * height
        else { return nil }
        let bytes = UnsafeRawBufferPointer(start: data, count: width * height)
        return GrayImage(width: width, height: height, pixels: [UInt8](bytes))
    }

    private static func lastError(_ video: OpaquePointer) -> String {
        guard let text = zbar_video_error_string(video, 0) else { return "unknown zbar video error" }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
