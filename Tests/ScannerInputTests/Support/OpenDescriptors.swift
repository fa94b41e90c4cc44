import Foundation

/// How many of this process's descriptors are open on `path` (from `/proc/self/fd`). Specific to
/// one test's own device path, so tests running in parallel do not disturb the count.
func openDescriptors(on path: String) -> Int {
    let folder = "/proc/self/fd"
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return entries.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0)) == path }.count
}
