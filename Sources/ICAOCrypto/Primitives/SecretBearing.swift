/// A value holding keys or other secrets, which must never end up in logs or error messages.
///
/// Conforming replaces the synthesized descriptions and the mirror (used by `dump`, `print` and
/// string interpolation) with `TypeName(redacted)`, so an accidental `"\(session)"` leaks nothing.
public protocol SecretBearing: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {}

extension SecretBearing {
    public var description: String { "\(Self.self)(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
