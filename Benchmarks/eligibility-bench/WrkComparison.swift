import AsyncHTTPClient
import BHXHSimulator
import CCCDTestSupport
import Eligibility
import EligibilityGateways
import Foundation
import Logging
import NIOCore

/// The gateway client against a standalone `bhxh-sim` process, beside `wrk` (a plain C HTTP load
/// tool) POSTing the very card check the client sends — same token, same body — to the same
/// process: one caller (latency; the difference is the client's own overhead) and 64 callers
/// (throughput). wrk is the least any client can cost, so it is the anchor; like the client, it
/// shares the machine's cores with the simulator. Each run does both, one after the other.
struct WrkComparison {
    var scenario: Scenario
    var query: EligibilityQuery
    /// The client's account and staff; its base URL is replaced by the standalone simulator's.
    var configuration: BHXHConfiguration
    var runs: Int
    var sequentialLookups: Int
    var concurrentLookups: Int
    var wrkSeconds: Int
    var logger: Logger

    static let suite = "Gateway client vs wrk (standalone bhxh-sim process, zero latency)"
    static let script = BuiltProducts.repository.appendingPathComponent("Benchmarks/eligibility-bench/card-check.lua")

    func rows() async throws -> [BenchmarkRow] {
        guard let wrk = which("wrk") else {
            print("SKIPPED: the wrk comparison needs wrk (make bench installs it)")
            return []
        }
        return try await withTemporaryDirectory { folder in
            let simulator = try await StandaloneSimulator(scenario: scenario, in: folder)
            let client = HTTPClient.eligibilityClient(maximumConnections: 64)
            do {
                let rows = try await measure(simulator: simulator, client: client, wrk: wrk, folder: folder)
                try await client.shutdown()
                await simulator.process.stop()
                return rows
            } catch {
                try? await client.shutdown()
                await simulator.process.stop()
                throw error
            }
        }
    }

    private func measure(simulator: StandaloneSimulator, client: HTTPClient, wrk: URL, folder: URL) async throws -> [BenchmarkRow] {
        var settings = configuration
        settings.baseURL = simulator.baseURL
        let gateway = BHXHEgwGateway(configuration: settings, httpClient: client, logger: logger)
        let (query, concurrentLookups) = (self.query, self.concurrentLookups)
        let first = await gateway.lookUp(query)
        guard first.outcome == .eligible else { throw BenchFailure("the standalone simulator answered \(first.outcome.rawValue)") }
        let (url, body) = try await simulator.lastCardCheck(client)
        let bodyFile = folder.appendingPathComponent("card-check.json")
        try Data(body.utf8).write(to: bodyFile)
        let clock = ContinuousClock()
        var lookup: [Double] = [], wrkLatency: [Double] = [], overhead: [Double] = [], throughput: [Double] = [], wrkRate: [Double] = []
        for _ in 0..<runs {
            let sequential = await clock.measure { for _ in 0..<sequentialLookups { _ = await gateway.lookUp(query) } }
            lookup.append(nanoseconds(sequential) / Double(sequentialLookups))
            let single = try await runWrk(wrk, threads: 1, connections: 1, url: url, body: bodyFile)
            wrkLatency.append(single.meanLatencyMicroseconds * 1_000)
            overhead.append(lookup[lookup.count - 1] - wrkLatency[wrkLatency.count - 1])
            let concurrent = await clock.measure {
                await withTaskGroup(of: Void.self) { group in
                    for worker in 0..<64 {
                        group.addTask {
                            for _ in stride(from: worker, to: concurrentLookups, by: 64) { _ = await gateway.lookUp(query) }
                        }
                    }
                }
            }
            throughput.append(Double(concurrentLookups) / (nanoseconds(concurrent) / 1e9))
            let loaded = try await runWrk(wrk, threads: 2, connections: 64, url: url, body: bodyFile)
            wrkRate.append(Double(loaded.requests) / (loaded.durationMicroseconds / 1e6))
            try await simulator.clearLog(client)
        }
        let suite = Self.suite
        return [
            BenchmarkRow(suite: suite, name: "lookup, 1 caller", figure: median(lookup), unit: "ns", runs: runs,
                         anchor: "wrk -c1: mean latency", anchorFigure: median(wrkLatency)),
            BenchmarkRow(suite: suite, name: "client overhead per lookup (lookup − wrk latency)", figure: median(overhead), unit: "ns",
                         runs: runs, target: .below(1e6, "< 1 ms")),
            BenchmarkRow(suite: suite, name: "throughput, 64 callers", figure: median(throughput), unit: "card checks/s", runs: runs,
                         anchor: "wrk -t2 -c64", anchorFigure: median(wrkRate), target: .atLeast(1_000, "thousands/s"),
                         note: "\(concurrentLookups) lookups per run; wrk \(wrkSeconds) s per run"),
        ]
    }

    private func runWrk(_ wrk: URL, threads: Int, connections: Int, url: String, body: URL) async throws -> WrkSummary {
        let outcome = try await runProcess(
            wrk, ["-t\(threads)", "-c\(connections)", "-d\(wrkSeconds)s", "-s", Self.script.path, url],
            environment: ["CARD_CHECK_BODY": body.path], timeout: .seconds(wrkSeconds + 30))
        guard outcome.status == 0,
              let line = outcome.stdoutText.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let summary = try? JSONDecoder().decode(WrkSummary.self, from: Data(line.utf8))
        else { throw BenchFailure("wrk failed: \(outcome.stdoutText) \(outcome.stderrText)") }
        guard summary.errors == 0, summary.requests > 0 else {
            throw BenchFailure("wrk saw \(summary.errors) errors in \(summary.requests) requests")
        }
        return summary
    }
}

/// The line card-check.lua's `done` prints.
private struct WrkSummary: Decodable {
    var requests: Int
    var durationMicroseconds: Double
    var meanLatencyMicroseconds: Double
    var errors: Int
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

