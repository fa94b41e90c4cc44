import Foundation

/// Small, failure-tolerant reads of sysfs: a missing or unreadable attribute is nil, never an error,
/// because devices come and go while we walk the tree.
struct SysfsDirectory {
    let path: String

    func child(_ name: String) -> SysfsDirectory { SysfsDirectory(path: path + "/" + name) }

    /// Entry names, sorted so listings are stable.
    var entries: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    var isDirectory: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func text(_ attribute: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path + "/" + attribute) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func bytes(_ attribute: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path + "/" + attribute).map(Array.init)
    }

    func hex(_ attribute: String) -> UInt16? { text(attribute).flatMap { UInt16($0, radix: 16) } }

    /// Real subdirectories (symlinks such as `driver`, `subsystem`, `port` lead back up the tree and
    /// are not followed), depth-first to `depth` levels, as (name, directory) pairs.
    func descendants(depth: Int) -> [(name: String, directory: SysfsDirectory)] {
        guard depth > 0 else { return [] }
        return entries.flatMap { name -> [(name: String, directory: SysfsDirectory)] in
            let child = child(name)
            let type = (try? FileManager.default.attributesOfItem(atPath: child.path))?[.type] as? FileAttributeType
            guard type == .typeDirectory else { return [] }
            return [(name, child)] + child.descendants(depth: depth - 1)
        }
    }

    /// The directory with symlinks resolved (entries of `/sys/bus/usb/devices` are links).
    var resolved: SysfsDirectory {
        SysfsDirectory(path: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    }
}
