import CardVerification
import CCCDIdentity
import CCCDTestSupport
import ChipProtocol
import Eligibility
import Foundation
import KioskPipeline
import Ledger
import Logging
import Synchronization
import VirtualChip

/// The daemon's own share of a presentation: from the moment the chip read returns to the moment
/// a subscriber holds the `result` event — verification, the lookup through the gateway chain's
/// adapter, the durable ledger commit and the publication — with the production
/// ``PresentationCoordinator``, a real ``Ledger`` (synchronous=FULL) and the real verifier over
/// the test CSCA. The gateway is ``OfflineGateway`` (a real adapter that answers at once), so no
/// network time is in the figure; the verifier's time is measured inside the same runs and shown
/// on its own row, so the pipeline's bookkeeping can be read without it.
///
/// Anchor: one durable ledger append alone, in the same run — the commit the pipeline must include.
func pipelineOverheadBenchmark(material: VirtualCardMaterial, scratch: URL, presentations: Int = 60) async throws -> [Comparison] {
    let reader = "Bench reader 00 00"
    let ledger = try Ledger(path: scratch.appendingPathComponent("pipeline.sqlite").path, signer: DeviceKey())
    let verifier = CardVerifier(trust: try TrustSnapshot.load(TrustSources(cscaFiles: [material.csca("brainpool")])))
    let stopwatch = PipelineStopwatch()
    let terminal = TimedTerminal(inner: InProcessChipTerminal(), stopwatch: stopwatch)
    let bus = EventBus()
    let coordinator = PresentationCoordinator(
        settings: PipelineSettings(facility: "01001", kiosk: "bench", joinWindow: .seconds(60), hold: .seconds(600)),
        components: PipelineComponents(
            terminal: terminal,
            verify: { read, qr, today in stopwatch.timeVerification { verifier.verify(read, qr: qr, today: today) } },
            gateway: OfflineGateway(),
            recorder: LedgerRecorder(ledger: ledger, pseudonymizer: try SubjectPseudonymizer(secret: Data("bench-site-key-0123456789".utf8)))),
        bus: bus, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    guard case .cccd(let qr) = try ScannedQR.parse(samplePayloadMau) else { throw BenchmarkFailure(description: "the sample QR is not a CCCD QR") }
    await coordinator.handle(.readersChanged([reader]))
    var results = bus.subscribe().makeAsyncIterator()

    var total: [Double] = []
    var withoutVerification: [Double] = []
    for index in 0..<(presentations + 5) {
        terminal.inner.insert(try VirtualCCCDChip(profilePath: material.profile("nguyen-thi-mau").path), into: reader)
        await coordinator.handle(.scanned(.cccd(qr)))
        await coordinator.handle(.cardInserted(reader: reader))
        var published: ContinuousClock.Instant?
        while let event = await results.next() {
            if event.kind == .result {
                published = ContinuousClock.now
                guard event.session?.state == .done else { throw BenchmarkFailure(description: "the presentation was not recorded") }
                break
            }
        }
        guard let published, let finished = stopwatch.readFinished else { throw BenchmarkFailure(description: "no result event") }
        if index >= 5 {
            let overhead = (published - finished).nanoseconds
            total.append(overhead)
            withoutVerification.append(overhead - stopwatch.verification.nanoseconds)
        }
        await coordinator.handle(.clear)
        terminal.inner.remove(from: reader)
        await coordinator.handle(.cardRemoved(reader: reader))
    }
    await coordinator.shutdown()
    guard try ledger.records().count == presentations + 5 else { throw BenchmarkFailure(description: "not one record per presentation") }

    let anchorLedger = try Ledger(path: scratch.appendingPathComponent("anchor.sqlite").path, signer: DeviceKey())
    var generator = try SamplePresentations(seed: 3)
    var previous: LedgerRecord?
    let append = try measure("durable ledger append alone", iterations: 50, runs: 5) {
        previous = try anchorLedger.append(generator.next(after: previous))
    }
    return [
        Comparison(figure: Measurement(name: "card read finished → ledger committed + result published", runs: total),
                   anchor: append, target: .under(milliseconds: 5)),
        Comparison(figure: Measurement(name: "the same, without Passive Authentication", runs: withoutVerification),
                   anchor: append, target: .under(milliseconds: 5)),
    ]
}

/// The sample card `nguyen-thi-mau`'s CCCD QR (an invented person, Samples/qr).
let samplePayloadMau = "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"

/// When the last chip read returned and how long the last verification took.
final class PipelineStopwatch: Sendable {
    private let finished = Mutex<ContinuousClock.Instant?>(nil)
    private let verifying = Mutex<Duration>(.zero)

    var readFinished: ContinuousClock.Instant? { finished.withLock { $0 } }
    var verification: Duration { verifying.withLock { $0 } }

    func markReadFinished() {
        finished.withLock { $0 = ContinuousClock.now }
    }

    func timeVerification<T>(_ body: () -> T) -> T {
        let start = ContinuousClock.now
        let result = body()
        verifying.withLock { $0 = ContinuousClock.now - start }
        return result
    }
}

/// The in-process terminal, noting the instant each read returns.
struct TimedTerminal: ChipTerminal {
    let inner: InProcessChipTerminal
    let stopwatch: PipelineStopwatch

    func readChip(on reader: String, credentials: ChipCredentials, plan: ReadPlan, timeout: Duration,
                  progress: ReadProgressHandler?) async throws -> ChipReadResult {
        let result = try await inner.readChip(on: reader, credentials: credentials, plan: plan, timeout: timeout, progress: progress)
        stopwatch.markReadFinished()
        return result
    }
}
