import AsyncHTTPClient
import CCCDTestSupport
import Foundation
import NIOCore
import NIOHTTP1

/// `cccdd` as a child process, the way systemd runs it: its own environment (NOTIFY_SOCKET,
/// WATCHDOG_USEC, CREDENTIALS_DIRECTORY), stdout and stderr in a log file the tests read and scan.
struct DaemonUnderTest {
    let process: SpawnedProcess
    let log: URL

    static func start(_ arguments: [String], environment: [String: String] = [:], in folder: URL) throws -> DaemonUnderTest {
        let log = folder.appendingPathComponent("cccdd-\(UUID().uuidString.prefix(6)).log")
        let process = try SpawnedProcess(executable: BuiltProducts.executable("cccdd").path, arguments: arguments,
                                         logPath: log.path, environment: environment)
        return DaemonUnderTest(process: process, log: log)
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The first output line starting with `prefix`, polling until `limit`.
    func line(startingWith prefix: String, within limit: Duration = .seconds(20)) async -> String? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line) }
            if process.reapIfExited() { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    func stop() async {
        await process.stop(grace: .seconds(5))
    }
}

/// A minimal kiosk API client over AsyncHTTPClient: explicit Host/Origin/cookie/token control,
/// so the security tests can send exactly what a hostile page would.
struct KioskClient {
    let http: HTTPClient
    let port: Int

    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: String
    }

    func send(_ method: HTTPMethod = .GET, _ path: String, headers: [(String, String)] = [], body: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await http.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 4 * 1024 * 1024)
        return Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    /// The `cccdd_session=…` cookie a login link sets.
    func login(token: String) async throws -> String? {
        let answer = try await send(.GET, "/?token=\(token)")
        guard answer.status == 303 else { return nil }
        return answer.headers["Set-Cookie"].first?.split(separator: ";").first.map(String.init)
    }
}

/// A configuration file for a production-mode daemon in `folder`, its secrets as systemd
/// credentials in `folder/credentials` (what `$CREDENTIALS_DIRECTORY` points at).
enum TestConfiguration {
    static let bhxhPassword = "demo-mat-khau"

    /// An invented patient's CCCD QR: the sample card `nguyen-thi-mau` (insured in the demo scenario).
    static let mauQR = "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"

    /// The `[scanners]` section for one CDC-ACM-style scanner at `path` (a pty or a link to one).
    static func serialScanner(at path: String) -> String {
        """
        [scanners]
        mode = "explicit"

        [[scanners.device]]
        path = "\(path)"
        kind = "serial"
        suffix = "CR"
        """
    }

    /// `trustStore` is the `[verification] trust-store` directory (default: an empty `folder/trust`).
    static func write(in folder: URL, gateway: URL, extra: String = "", scanners: String? = nil,
                      trustStore: URL? = nil) throws -> (path: String, environment: [String: String]) {
        let credentials = folder.appendingPathComponent("credentials")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        for (name, value) in [("bhxh-password", bhxhPassword), ("site-key", "test-site-key-0123456789")] {
            let file = credentials.appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: file.path, contents: Data(value.utf8), attributes: [.posixPermissions: 0o600])
        }
        let text = """
            [site]
            facility = "01001"
            kiosk = "test-kiosk"

            \(scanners ?? "[scanners]\nmode = \"none\"")

            [verification]
            trust-store = "\((trustStore ?? folder.appendingPathComponent("trust")).path)"

            [gateway]
            chain = ["bhxh", "offline"]

            [gateway.bhxh]
            base-url = "\(gateway.absoluteString)"
            username = "01001_BV"
            password-credential = "bhxh-password"
            staff-name = "Lê Thị Tiếp Đón"
            staff-id = "001186000777"

            [ledger]
            path = "\(folder.appendingPathComponent("ledger.sqlite").path)"
            device-key-file = "\(folder.appendingPathComponent("device.key").path)"
            site-key-credential = "site-key"

            [http]
            socket = "\(folder.appendingPathComponent("cccdd.sock").path)"
            token-file = "\(folder.appendingPathComponent("token").path)"
            \(extra)
            """
        let path = folder.appendingPathComponent("cccdd.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, ["CREDENTIALS_DIRECTORY": credentials.path])
    }
}
