public import Foundation

/// The wall clock the token cache compares `expires_in` against; injectable so tests can move it.
public struct WallClock: Sendable {
    public let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public static let system = WallClock { Date() }

    public func callAsFunction() -> Date { read() }
}
