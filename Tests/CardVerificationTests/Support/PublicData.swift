import Foundation
import LDS

/// The public test data in `/work/shared/data` (sample passports, a German master list), read in
/// place at test time and never copied into the repository.
enum PublicData {
    static let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CCCD_PUBLIC_DATA"] ?? "/work/shared/data")
    static let masterList = directory.appendingPathComponent("DE_ML_2026-05-28-08-28-45.ml")
    static let samples = directory.appendingPathComponent("lds-samples")

    /// Checked once each, so every SKIPPED line prints once per run.
    static let masterListAvailable: Bool = {
        let present = FileManager.default.fileExists(atPath: masterList.path)
        if !present { print("SKIPPED: German master list not found at \(masterList.path) (set CCCD_PUBLIC_DATA)") }
        return present
    }()

    static let samplesAvailable: Bool = {
        let present = FileManager.default.fileExists(atPath: samples.appendingPathComponent("bsi2008/EF_SOD.bin").path)
            && FileManager.default.fileExists(atPath: samples.appendingPathComponent("loes2006/011D.bin").path)
        if !present { print("SKIPPED: public LDS samples not found at \(samples.path) (set CCCD_PUBLIC_DATA)") }
        return present
    }()

    /// A sample set's files by what they are: `bsi2008` names them `EF_SOD.bin`/`DatagroupN.bin`,
    /// `loes2006` by file identifier (`011D.bin`).
    static func sample(_ name: String) throws -> LDSFileSet {
        let folder = samples.appendingPathComponent(name)
        var files = LDSFileSet()
        for entry in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let stem = (entry as NSString).deletingPathExtension
            let file: LDSFile?
            if stem == "EF_SOD" { file = .sod } else if stem == "EF_COM" { file = .com }
            else if stem.hasPrefix("Datagroup"), let number = Int(stem.dropFirst(9)) { file = DataGroup(number: number).map(LDSFile.dataGroup) }
            else { file = UInt16(stem, radix: 16).flatMap(LDSFile.init(fileID:)) }
            guard let file, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(entry).path) else { continue }
            files[file] = [UInt8](data)
        }
        return files
    }
}
