import CCCDTestSupport
import Foundation
import Glibc
import Testing

/// What the Vietnamese card-reader agents got wrong: a page served by another local server, in the
/// same browser that holds the kiosk's cookie, tries to read and to change the kiosk's session.
@Suite(.serialized, .enabled(if: KioskBrowser.isAvailable && VirtualCardMaterial.toolsAvailable,
                             "chromium, openssl or ImageMagick is not installed (make test-deps)"))
struct CrossOriginPageTests {
    @Test func aPageFromAnotherLocalServerCanNeitherReadNorChangeTheSession() async throws {
        try await withTemporaryDirectory { folder in
            try await KioskDaemon.withDemo(in: folder) { daemon, loginURL in
                let port = try #require(loginURL.port)
                let hostile = folder.appendingPathComponent("hostile")
                try FileManager.default.createDirectory(at: hostile, withIntermediateDirectories: true)
                // The browser attaches the kiosk's cookie (same site: 127.0.0.1), so only the daemon's
                // Origin check and the missing CORS grant stand between this page and the data.
                let page = """
                    <!doctype html><meta charset="utf-8"><title>hostile</title><p id="out">running</p>
                    <script>
                    const kiosk = 'http://127.0.0.1:\(port)';
                    const out = document.getElementById('out');
                    const read = fetch(kiosk + '/api/v1/session', { credentials: 'include' })
                      .then(r => r.text()).then(t => 'READ ' + t.length).catch(() => 'READ-BLOCKED');
                    const clear = fetch(kiosk + '/api/v1/session/clear', { method: 'POST', credentials: 'include',
                      mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{}' }).then(() => 'SENT').catch(() => 'SENT');
                    Promise.all([read, clear]).then(([r, c]) => { out.textContent = 'DONE ' + r + ' ' + c; });
                    </script>
                    """
                try page.write(to: hostile.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
                let hostilePort = try Self.freePort()
                let server = try SpawnedProcess(
                    executable: "/usr/bin/python3",
                    arguments: ["-m", "http.server", String(hostilePort), "--bind", "127.0.0.1", "--directory", hostile.path],
                    logPath: folder.appendingPathComponent("hostile.log").path)
                do {
                    try await Self.attack(loginURL: loginURL, port: port, hostilePort: hostilePort)
                } catch {
                    await server.stop()
                    throw error
                }
                await server.stop()
                #expect(daemon.output.contains("request refused"), "the refusals are logged (by code)")
            }
        }
    }

    /// The kiosk page signed in and showing a patient; then the hostile page in the same browser;
    /// then the kiosk page again, its session untouched.
    static func attack(loginURL: URL, port: Int, hostilePort: Int) async throws {
        try await KioskBrowser.run(url: loginURL.absoluteString, size: "1280x800",
                                   screenshots: try KioskBrowser.screenshots("cross-origin"), steps: [
            "wait-text:Xin mời xuất trình thẻ Căn cước",
        ] + KioskBrowser.present("Có thẻ BHYT còn hạn") + [
            "wait-text:Đủ điều kiện hưởng BHYT",
            "goto:http://127.0.0.1:\(hostilePort)/index.html", "wait-text:DONE READ-BLOCKED SENT", "screenshot:hostile-page",
            "goto:http://127.0.0.1:\(port)/", "wait-text:Nguyễn Thị Mẫu", "wait-text:Đủ điều kiện hưởng BHYT",
        ], personalData: KioskBrowser.demoPeople)
    }

    /// A port nothing listens on right now (bound, read, released).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw ChildProcessError(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
