import CCCDIdentity
import Foundation
import LDS

/// A folder of chip files as `card read --out` writes them (`EF.SOD.bin`, `DG1.bin`…). Files
/// named by their two-byte identifier (`011D.bin`, as other eMRTD tools save them) are read
/// too; anything else in the folder is ignored.
enum LDSDirectory {
    struct Failure: UserFacingError {
        let code = "cli.lds.unreadable"
        let message = LocalizedText(vi: "Không đọc được thư mục tệp chip", en: "The chip file folder cannot be read")
        let diagnostic: String?
    }

    static func read(_ directory: URL) throws(Failure) -> LDSFileSet {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw Failure(diagnostic: directory.path)
        }
        var files = LDSFileSet()
        for name in names.sorted() {
            let stem = (name as NSString).deletingPathExtension
            guard let file = LDSFile(fileName: name) ?? (stem.count == 4 ? UInt16(stem, radix: 16).flatMap(LDSFile.init(fileID:)) : nil),
                  let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            else { continue }
            files[file] = [UInt8](data)
        }
        return files
    }
}
