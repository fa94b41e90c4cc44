public import CCCDIdentity
import Glibc

/// Whether an ``AccessIdentity`` can open a device node, and if not, why, in words an admin can
/// act on (which group to join, which udev rule to install).
public struct NodeAccess: Sendable, Hashable, Codable {
    public var usable: Bool
    public var problem: LocalizedText?

    static func check(_ path: String, needsWrite: Bool, for identity: AccessIdentity) -> NodeAccess {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return NodeAccess(usable: false, problem: LocalizedText(
                vi: "Không có nút thiết bị \(path)", en: "Device node \(path) does not exist"))
        }
        let mode = UInt32(info.st_mode)
        if identity.isThisProcess {
            if access(path, needsWrite ? R_OK | W_OK : R_OK) == 0 { return NodeAccess(usable: true) }
        } else {
            if identity.uid == 0 { return NodeAccess(usable: true) }
            let (read, write): (UInt32, UInt32) =
                if info.st_uid == identity.uid { (0o400, 0o200) }
                else if identity.groups.contains(info.st_gid) { (0o040, 0o020) }
                else { (0o004, 0o002) }
            if mode & read != 0 && (!needsWrite || mode & write != 0) { return NodeAccess(usable: true) }
        }
        let group = groupName(info.st_gid)
        let who = identity.userName.map { "'\($0)'" } ?? "uid \(identity.uid)"
        let wanted = needsWrite ? "read and write" : "read"
        let wantedVi = needsWrite ? "đọc và ghi" : "đọc"
        let octal = String(mode & 0o777, radix: 8)
        // Joining a device's own group only makes sense when that group is meant for it
        // (dialout, input); root-only nodes (hidraw by default) need a udev rule.
        let fixVi = info.st_gid == 0
            ? "cài luật udev cho nút này với GROUP=\"<nhóm dịch vụ>\", MODE=\"0660\""
            : "thêm vào nhóm \(group) hoặc cài luật udev với GROUP=, MODE=\"0660\""
        let fixEn = info.st_gid == 0
            ? "install a udev rule for this node with GROUP=\"<service group>\", MODE=\"0660\""
            : "add the user to group \(group) or install a udev rule with GROUP=, MODE=\"0660\""
        return NodeAccess(usable: false, problem: LocalizedText(
            vi: "\(who) không được \(wantedVi) \(path) (nhóm \(group), quyền \(octal)): \(fixVi)",
            en: "\(who) may not \(wanted) \(path) (group \(group), mode \(octal)): \(fixEn)"))
    }

    private static func groupName(_ gid: gid_t) -> String {
        guard let entry = getgrgid(gid), let name = entry.pointee.gr_name else { return String(gid) }
        return String(cString: name)
    }
}
