import ArgumentParser
import AsyncHTTPClient
import Foundation
import KioskPipeline
import NIOCore

/// `cccdctl status`: asks the running daemon over its Unix socket (`/run/cccdd/cccdd.sock`, mode
/// 0660 for the `cccdd` group) what it runs with: readers, scanners, gateway health, ledger,
/// recent problems. No personal data travels on this socket.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Readers, scanners, gateway health, ledger and recent problems of the running daemon.",
        discussion: "Exit statuses: 0 answered; 69 the daemon is not running or its socket is not reachable."
    )

    @Option(help: ArgumentHelp("The daemon's Unix socket.", valueName: "PATH"))
    var socket = "/run/cccdd/cccdd.sock"

    @Flag(help: "Print the daemon's JSON answer as is.")
    var json = false

    func run() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let fetched = await Self.fetchStatus(from: socket, with: client)
        try? await client.shutdown()
        guard let body = fetched else {
            FileHandle.standardError.write(Data("cccdd is not running or \(socket) is not reachable (is this user in the cccdd group?)\n".utf8))
            throw ExitCode(69)
        }
        if json {
            print(String(buffer: body))
            return
        }
        let status = try JSONDecoder().decode(StatusView.self, from: Data(body.readableBytesView))
        print(Self.describe(status))
    }

    /// The daemon's JSON answer, nil when it cannot be had.
    static func fetchStatus(from socket: String, with client: HTTPClient) async -> ByteBuffer? {
        guard let url = URL(httpURLWithSocketPath: socket, uri: "/api/v1/status"),
              let response = try? await client.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(5)),
              response.status == .ok else { return nil }
        return try? await response.body.collect(upTo: 1 << 20)
    }

    static func describe(_ status: StatusView) -> String {
        var lines = ["cccdd \(status.version)\(status.demo ? " (demo)" : ""): \(status.summary)"]
        lines.append(status.pcscAvailable ? "Readers:" : "Readers: pcscd is not answering")
        lines += status.readers.map { "  \($0.name)\($0.cardPresent ? "  [card]" : "")" }
        lines.append("Scanners:")
        lines += status.scanners.map { "  \($0.name)  \($0.connected ? "connected" : "disconnected")\($0.degraded ? ", degraded" : "")" }
        lines.append("Gateway: \(status.gateway.state.rawValue) (\(status.gateway.adapter)), \(status.gateway.pendingRechecks) re-checks pending")
        if let ledger = status.ledger { lines.append("Ledger: \(ledger.records) records in \(ledger.path)") }
        if !status.recentProblems.isEmpty {
            lines.append("Recent problems:")
            lines += status.recentProblems.map { "  \($0.at)  \($0.code)  \($0.message)" }
        }
        return lines.joined(separator: "\n")
    }
}

