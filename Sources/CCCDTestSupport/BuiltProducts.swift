public import Foundation

/// Where `swift build` put the package's executables, so tests run the real `cccdctl` binary.
///
/// Tests run inside the `…PackageTests.xctest` executable, which sits in the same products folder
/// as the package's executables. `CCCD_PRODUCTS_DIR` overrides it (benchmarks in release mode).
public enum BuiltProducts {
    public static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["CCCD_PRODUCTS_DIR"] {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // When the runner sits inside an .xctest bundle folder, the products are beside the bundle.
        while folder.path != "/", folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }

    /// The package's root folder (Samples/, scripts/), from this source file's place in it.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of one executable product, e.g. `executable("cccdctl")`.
    public static func executable(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }
}
