/// An opened camera, in front of the hardware so the capture loop can be tested with frames
/// made from real QR images when no `/dev/video*` exists.
///
/// Used from the capture thread only, so implementations need not be thread-safe. Closing is
/// `deinit`'s job: dropping the last reference releases the device.
public protocol VideoFrameSource: AnyObject {
    /// The next frame as 8-bit gray, or `nil` when none arrived within `timeout` or the
    /// frame was unusable. The bounded wait is what lets cancellation stop capture promptly.
    func nextFrame(timeout: Duration) throws(CameraError) -> GrayImage?
}

/// Opens the camera at a device path. ``ZbarCamera/open(_:)`` is the real one.
public typealias CameraOpener = @Sendable (_ devicePath: String) throws(CameraError) -> any VideoFrameSource
