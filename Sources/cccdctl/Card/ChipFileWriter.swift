import ChipProtocol
import Foundation

/// Writes what a read produced: `--out DIR` gets every file as the exact bytes read
/// (`EF.COM.bin`, `EF.SOD.bin`, `DG1.bin`…, the names `card verify --lds` reads), `--photo FILE`
/// the face image.
///
/// Only a complete read reaches this point (the session returns nothing on failure), and the files
/// are first written to a hidden staging folder inside DIR, then renamed into place: a failure
/// leaves DIR without any of this read's files, never with a half set. Owner-only permissions:
/// these are a person's identity data.
enum ChipFileWriter {
    static func writeFiles(_ files: [ChipFileContents], to directory: URL) throws {
        let manager = FileManager.default
        let staging = directory.appendingPathComponent(".cccdctl-partial-\(UUID().uuidString)", isDirectory: true)
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try manager.createDirectory(at: staging, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? manager.removeItem(at: staging) }
            for file in files {
                try write(file.bytes, to: staging.appendingPathComponent(fileName(file.file)))
            }
            for file in files {
                let target = directory.appendingPathComponent(fileName(file.file))
                _ = try? manager.removeItem(at: target)
                try manager.moveItem(at: staging.appendingPathComponent(fileName(file.file)), to: target)
            }
        } catch {
            throw CardReadProblem(.outputUnwritable, diagnostic: "\(directory.path): \(error.localizedDescription)")
        }
    }

    /// `EF.SOD.bin`, `DG13.bin`: the chip file's standard name.
    static func fileName(_ file: ChipFile) -> String {
        file.name + ".bin"
    }

    static func writePhoto(_ bytes: [UInt8], to url: URL) throws {
        do {
            try write(bytes, to: url)
        } catch {
            throw CardReadProblem(.outputUnwritable, diagnostic: "\(url.path): \(error.localizedDescription)")
        }
    }

    /// Atomic (temporary file then rename), readable by the owner only.
    private static func write(_ bytes: [UInt8], to url: URL) throws {
        try Data(bytes).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
