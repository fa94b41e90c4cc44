import ArgumentParser
import BHXHSimulator
import Dispatch
import Foundation

/// `bhxh-sim --listen 127.0.0.1:PORT --scenario FILE`: serves the BHXH egw protocol from a scenario
/// file until SIGINT/SIGTERM. Prints the bound address on its first line, so callers using port 0
/// learn which port was chosen.
@main
struct BHXHSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bhxh-sim",
        abstract: "A BHXH eligibility gateway simulator for demos and tests (loopback only by intent)."
    )

    @Option(help: "HOST:PORT to listen on; port 0 picks a free port.")
    var listen: String = "127.0.0.1:0"

    @Option(help: "The scenario JSON file (accounts, staff, cards, latency, faults).")
    var scenario: String

    @Flag(help: "Also stop when standard input reaches end of file, i.e. when the parent that holds the pipe dies.")
    var exitOnStdinEOF = false

    func run() async throws {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
              (0...65535).contains(port)
        else { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080") }
        let host = String(listen[..<colon])
        let loaded: Scenario
        do {
            loaded = try Scenario.load(from: URL(fileURLWithPath: scenario))
        } catch {
            throw ValidationError("cannot read scenario \(scenario): \(error)")
        }
        let simulator = try await BHXHSimulator.start(scenario: loaded, host: host, port: port)
        // Written unbuffered: a parent reading the first line must not wait for a buffer to fill.
        FileHandle.standardOutput.write(Data("bhxh-sim listening on http://\(simulator.host):\(simulator.port)\n".utf8))
        await Self.waitForTermination(watchingStdin: exitOnStdinEOF)
        await simulator.stop()
    }

    /// Returns on the first SIGINT or SIGTERM, or at end of standard input when asked to: a test
    /// that crashes cannot run its cleanup, but its end of the pipe closes, so no simulator is orphaned.
    private static func waitForTermination(watchingStdin: Bool) async {
        let signals = AsyncStream<Int32>.makeStream()
        if watchingStdin {
            Thread.detachNewThread {
                while !FileHandle.standardInput.availableData.isEmpty {}
                signals.continuation.yield(0)
            }
        }
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { signals.continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        var iterator = signals.stream.makeAsyncIterator()
        _ = await iterator.next()
        sources.forEach { $0.cancel() }
    }
}
