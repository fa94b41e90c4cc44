/// A credential that must never be printed: every textual and reflective form is redacted, so a
/// configuration dumped into a log or an error by mistake leaks nothing.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The value, for the single place that puts it on the wire.
    public let exposedValue: String

    public init(_ value: String) {
        exposedValue = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
