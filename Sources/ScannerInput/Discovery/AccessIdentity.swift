import Glibc

/// Who will open the device nodes: the user `cccdctl` runs as, or the daemon's service user.
///
/// The admin usually runs `cccdctl scanners` as root, for whom every node opens; what matters is
/// whether the service user can (`--as-user cccd`). The check reads the node's owner, group and
/// mode the way the kernel does, so it works without becoming that user.
public struct AccessIdentity: Sendable, Hashable {
    public var userName: String?
    public var uid: UInt32
    public var groups: Set<UInt32>
    /// This process itself: the kernel can answer with `access()`, which also honours ACLs
    /// (udev's `uaccess` grants the seat user an ACL, invisible in the mode bits).
    public var isThisProcess: Bool

    public init(userName: String? = nil, uid: UInt32, groups: Set<UInt32>) {
        self.userName = userName
        self.uid = uid
        self.groups = groups
        self.isThisProcess = false
    }

    /// The effective user and groups of this process.
    public static var current: AccessIdentity {
        let count = getgroups(0, nil)
        var list = [gid_t](repeating: 0, count: Int(max(0, count)))
        let filled = getgroups(count, &list)
        var groups = Set(list.prefix(Int(max(0, filled))))
        groups.insert(getegid())
        var identity = AccessIdentity(uid: geteuid(), groups: groups)
        identity.isThisProcess = true
        return identity
    }

    /// A user from the passwd database with all their groups, or nil when there is no such user.
    /// Judged by owner, group and mode bits only: ACLs are not consulted.
    public static func user(named name: String) -> AccessIdentity? {
        guard let entry = getpwnam(name) else { return nil }
        let uid = entry.pointee.pw_uid
        let primary = entry.pointee.pw_gid
        var count: Int32 = 64
        var list = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(name, primary, &list, &count) < 0 {
            list = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(name, primary, &list, &count)
        }
        var groups = Set(list.prefix(Int(max(0, count))))
        groups.insert(primary)
        return AccessIdentity(userName: name, uid: uid, groups: groups)
    }
}
