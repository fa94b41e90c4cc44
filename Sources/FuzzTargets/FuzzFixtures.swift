import Foundation

/// Test material the harnesses load at start-up (Fuzz/Fixtures): public test certificates only.
enum FuzzFixtures {
    /// The folder beside the corpus, found from this source file: the harnesses run from a
    /// checkout (`make fuzz`, `swift test`), never from an installed location.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Fixtures")

    static func url(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }
}
