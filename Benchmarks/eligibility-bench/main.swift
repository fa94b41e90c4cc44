import AsyncHTTPClient
import BHXHSimulator
import CCCDIdentity
import CCCDTestSupport
import Eligibility
import EligibilityGateways
import Foundation
import Logging
import NIOCore

// Eligibility client benchmarks against the in-process BHXH simulator on loopback (release mode):
//   1. per-lookup latency and client overhead at zero gateway latency, sequential;
//   2. sustained lookups/s with 64 concurrent callers;
//   3. 1,000 lookups in flight against a 5-second-latency gateway: completion, logins, memory;
//   4. the client against a standalone `bhxh-sim` process beside wrk sending the same card check.
// Client overhead = median lookup time − median raw HTTP exchange (same URL, same body, same
// client), i.e. everything the adapter adds: token handling, encoding, decoding, classification.
// Benchmarks never assert; they report. Usage: eligibility-bench [--quick]
// With CCCD_BENCH_ROWS set, every figure is also appended there as a JSON line (`make bench`).

let quick = CommandLine.arguments.contains("--quick")
let password = "bench-mat-khau"
let staff = Scenario.StaffMember(name: "Lê Thị Tiếp Đón", cccd: "001186000777")
let card = ScenarioCard(maThe: "GD4010190000123", cccd: "001190000123", maSoBHXH: "0190000123",
                        hoTen: "Nguyễn Thị Mẫu", ngaySinh: "15/03/1990", maDKBD: "01001",
                        gtTheTu: "01/01/2026", gtTheDen: "31/12/2026", maKetQua: "000")
guard let birth = CivilDate(year: 1990, month: 3, day: 15), let visit = CivilDate(year: 2026, month: 11, day: 24),
      let query = try? EligibilityQuery(subject: LookupSubject(parsing: "001190000123"), fullName: "Nguyễn Thị Mẫu",
                                        birthDate: .date(birth), visitDate: visit)
else { fatalError("benchmark fixture is invalid") }

var quietLogger = Logger(label: "bench")
quietLogger.logLevel = .error

func scenario(latencyMilliseconds: Int) -> Scenario {
    Scenario(accounts: [.init(username: "01001_BV", password: password)], staff: [staff], cards: [card],
             latency: .init(milliseconds: latencyMilliseconds), requestsPerMinutePerAccount: nil)
}

func configuration(_ baseURL: URL, timeout: Duration) -> BHXHConfiguration {
    BHXHConfiguration(baseURL: baseURL, username: "01001_BV", password: Secret(password),
                      staffName: staff.name, staffID: staff.cccd, requestTimeout: timeout)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
}

/// Resident set size and its peak, from /proc (Linux), in MiB.
func memory() -> (rss: Double, peak: Double) {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    func field(_ name: String) -> Double {
        let line = status.split(separator: "\n").first { $0.hasPrefix(name) } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
    return (field("VmRSS:"), field("VmHWM:"))
}

// MARK: 1 + 2 — zero latency

let runs = quick ? 3 : 7
let iterations = quick ? 200 : 1000
let simulator = try await BHXHSimulator.start(scenario: scenario(latencyMilliseconds: 0), logger: quietLogger)
let client = HTTPClient.eligibilityClient(maximumConnections: 64)
let gateway = BHXHEgwGateway(configuration: configuration(simulator.baseURL, timeout: .seconds(10)), httpClient: client,
                             logger: quietLogger)
_ = await gateway.lookUp(query)

// The anchor: the same card check as a bare HTTP exchange, with a token taken from the simulator's log.
guard let recorded = await simulator.requests().last(where: \.isCardCheck) else { fatalError("no card check recorded") }
let rawURL = simulator.baseURL.absoluteString + SimulatorPaths.cardCheck + "?"
    + recorded.query.map { "\($0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.value)" }
        .joined(separator: "&")
let rawBody = recorded.body
func rawExchange() async throws {
    var request = HTTPClientRequest(url: rawURL)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
    request.body = .bytes(ByteBuffer(string: rawBody))
    let response = try await client.execute(request, timeout: .seconds(10))
    _ = try await response.body.collect(upTo: 1 << 20)
}

let clock = ContinuousClock()
var lookupRuns: [Double] = [], rawRuns: [Double] = []
for _ in 0..<runs {
    let lookups = await clock.measure { for _ in 0..<iterations { _ = await gateway.lookUp(query) } }
    let raws = try await clock.measure { for _ in 0..<iterations { try await rawExchange() } }
    lookupRuns.append(nanoseconds(lookups) / Double(iterations))
    rawRuns.append(nanoseconds(raws) / Double(iterations))
}
let overheads = zip(lookupRuns, rawRuns).map { $0 - $1 }

let concurrentTotal = quick ? 1000 : 5000
let concurrency = 64
var throughputRuns: [Double] = []
for _ in 0..<runs {
    let elapsed = await clock.measure {
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    for _ in stride(from: worker, to: concurrentTotal, by: concurrency) { _ = await gateway.lookUp(query) }
                }
            }
        }
    }
    throughputRuns.append(Double(concurrentTotal) / (nanoseconds(elapsed) / 1e9))
}
let loginsAtZeroLatency = await simulator.requests().filter(\.isLogin).count
try await client.shutdown()
await simulator.stop()

print("### Eligibility client (BHXH egw against bhxh-sim on loopback, zero latency)\n")
print("| figure | median of \(runs) runs | target |")
print("|---|---|---|")
print(String(format: "| lookup, sequential | %.1f µs | — |", median(lookupRuns) / 1000))
print(String(format: "| raw HTTP exchange (anchor) | %.1f µs | — |", median(rawRuns) / 1000))
print(String(format: "| client overhead per lookup | %.1f µs | < 1 ms |", median(overheads) / 1000))
print(String(format: "| sustained, %d callers | %.0f lookups/s | thousands/s |", concurrency, median(throughputRuns)))
print("| logins for all of the above | \(loginsAtZeroLatency) | 1 |\n")
let inProcess = "Eligibility client (in-process bhxh-sim, zero latency)"
try BenchmarkRowSink.emit([
    BenchmarkRow(suite: inProcess, name: "lookup, sequential", figure: median(lookupRuns), unit: "ns", runs: runs,
                 anchor: "raw HTTP exchange, same client", anchorFigure: median(rawRuns)),
    BenchmarkRow(suite: inProcess, name: "client overhead per lookup (lookup − raw exchange)", figure: median(overheads),
                 unit: "ns", runs: runs, target: .below(1e6, "< 1 ms")),
    BenchmarkRow(suite: inProcess, name: "sustained, \(concurrency) callers", figure: median(throughputRuns), unit: "lookups/s",
                 runs: runs, target: .atLeast(1_000, "thousands/s"), note: "\(loginsAtZeroLatency) login(s) for all of the above"),
])

// MARK: 3 — 1,000 in flight against a 5-second gateway

let inFlight = quick ? 200 : 1000
let slow = try await BHXHSimulator.start(scenario: scenario(latencyMilliseconds: 5000), logger: quietLogger)
let wideClient = HTTPClient.eligibilityClient(maximumConnections: inFlight)
let slowGateway = BHXHEgwGateway(configuration: configuration(slow.baseURL, timeout: .seconds(60)), httpClient: wideClient,
                                 logger: quietLogger)
let before = memory()
var outcomes: [EligibilityClass: Int] = [:]
let slowElapsed = await clock.measure {
    outcomes = await withTaskGroup(of: EligibilityClass.self) { group in
        for _ in 0..<inFlight { group.addTask { await slowGateway.lookUp(query).outcome } }
        var counts: [EligibilityClass: Int] = [:]
        for await outcome in group { counts[outcome, default: 0] += 1 }
        return counts
    }
}
let after = memory()
let slowLogins = await slow.requests().filter(\.isLogin).count
try await wideClient.shutdown()
await slow.stop()

print("### \(inFlight) lookups in flight against a 5-second-latency gateway\n")
print("| figure | value |")
print("|---|---|")
print(String(format: "| wall time for all | %.2f s |", nanoseconds(slowElapsed) / 1e9))
print("| outcomes | \(outcomes.map { "\($0.key.rawValue): \($0.value)" }.sorted().joined(separator: ", ")) |")
print("| logins | \(slowLogins) |")
print(String(format: "| RSS before → after (peak) | %.1f → %.1f MiB (%.1f MiB) |", before.rss, after.rss, after.peak))
print("")
var wall = BenchmarkRow(
    suite: "\(inFlight) lookups in flight against a 5-second-latency gateway", name: "wall time for all",
    figure: nanoseconds(slowElapsed), unit: "ns", runs: 1, anchor: "the gateway's latency", anchorFigure: 5e9,
    target: .described("all complete, one login"),
    note: "\(outcomes.map { "\($0.key.rawValue): \($0.value)" }.sorted().joined(separator: ", ")); \(slowLogins) login(s); "
        + String(format: "RSS %.1f → %.1f MiB (peak %.1f), simulator in the same process", before.rss, after.rss, after.peak))
wall.met = outcomes[.eligible] == inFlight && slowLogins == 1
try BenchmarkRowSink.emit([wall])

// MARK: 4 — the same client and wrk against a standalone bhxh-sim process

var standalone = scenario(latencyMilliseconds: 0)
standalone.tokenLifetimeSeconds = 3600
standalone.authFailureStyle = .status
let wrkRows = try await WrkComparison(
    scenario: standalone, query: query, configuration: configuration(simulator.baseURL, timeout: .seconds(10)), runs: runs,
    sequentialLookups: iterations, concurrentLookups: concurrentTotal, wrkSeconds: quick ? 1 : 2, logger: quietLogger
).rows()
print("### \(WrkComparison.suite)\n")
print("| figure | median of \(runs) runs | anchor | anchor median | target |")
print("|---|---|---|---|---|")
for row in wrkRows {
    let value = { (figure: Double) in row.unit == "ns" ? String(format: "%.1f µs", figure / 1000) : String(format: "%.0f ", figure) + row.unit }
    print("| \(row.name) | \(value(row.figure)) | \(row.anchor ?? "—") | \(row.anchorFigure.map(value) ?? "—") | \(row.target) |")
}
print("")
try BenchmarkRowSink.emit(wrkRows)
