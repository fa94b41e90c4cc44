public import Foundation

/// ISO 8601 UTC with milliseconds (`2026-12-04T09:15:02.123Z`), the one timestamp format of the API.
public enum Timestamp {
    public static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
