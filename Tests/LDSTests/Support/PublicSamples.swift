import Foundation

/// The two public sample LDSs in `/work/shared/data/lds-samples` (a German and a Dutch specimen
/// passport), read in place at test time — never copied into the repository.
enum PublicSamples {
    static let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CCCD_LDS_SAMPLES"]
        ?? "/work/shared/data/lds-samples")

    /// Checked once, so the SKIPPED line is printed once per run.
    static let available: Bool = {
        let present = FileManager.default.fileExists(atPath: directory.appendingPathComponent("bsi2008/EF_COM.bin").path)
            && FileManager.default.fileExists(atPath: directory.appendingPathComponent("loes2006/011E.bin").path)
        if !present { print("SKIPPED: public LDS samples not found at \(directory.path) (set CCCD_LDS_SAMPLES)") }
        return present
    }()

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "sample file missing: \(path)" }
    }

    /// A sample file's bytes, e.g. `file("bsi2008", "Datagroup1.bin")`.
    static func file(_ set: String, _ name: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent(set).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: url.path) }
        return [UInt8](data)
    }
}
