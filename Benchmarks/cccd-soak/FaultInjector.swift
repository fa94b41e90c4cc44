import BHXHSimulator
import CCCDTestSupport
import Foundation

/// The faults, one every `period` in rotation while presentations run, with the daemon's own
/// SIGKILLs at fixed points early on (so the last incarnation lives long enough to judge its
/// memory and descriptors). Each fault undoes itself before the next starts.
struct FaultInjector {
    enum Kind: String, CaseIterable, Sendable {
        case pcscdRestart = "pcscd SIGKILLed and restarted"
        case scannerReplug = "scanner unplugged and replugged"
        case gatewaySlow = "gateway slow (1.5 s, or 4 s: past the 3 s timeout)"
        case gatewayHTML = "gateway HTML error pages (500/503)"
        case tokensExpired = "gateway tokens expired"
        case gatewayOutage = "gateway outage (502 HTML, 10 s)"
        case daemonKill = "cccdd SIGKILLed and restarted"
    }

    let simulator: BHXHSimulator
    let pcsc: PCSCRig
    let bank: ScannerBank
    let supervisor: DaemonSupervisor
    let random: SoakRandom

    /// Runs until `end`; returns how many of each fault were injected, and the ones that could not be.
    func run(from start: ContinuousClock.Instant, until end: ContinuousClock.Instant) async throws -> (counts: [Kind: Int], skipped: [String]) {
        var counts: [Kind: Int] = [:]
        var skipped: [String] = []
        let span = end - start
        var kills = [0.2, 0.35, 0.5].map { start + span * $0 }
        let rotation: [Kind] = [.gatewaySlow, .scannerReplug, .pcscdRestart, .gatewayHTML, .tokensExpired, .gatewayOutage]
        let period = max(.seconds(4), span / 22)
        var turn = 0
        while ContinuousClock.now + period < end {
            try await Task.sleep(for: period)
            if let next = kills.first, ContinuousClock.now >= next {
                kills.removeFirst()
                try await supervisor.killAndRestart()
                counts[.daemonKill, default: 0] += 1
                continue
            }
            let kind = rotation[turn % rotation.count]
            turn += 1
            if kind == .pcscdRestart, !pcsc.ownsService {
                skipped.append("pcscd is a system service here: not killed")
                continue
            }
            try await inject(kind)
            counts[kind, default: 0] += 1
        }
        return (counts, skipped)
    }

    private func inject(_ kind: Kind) async throws {
        switch kind {
        case .pcscdRestart:
            try await pcsc.killService()
            try await Task.sleep(for: .seconds(2))
            try await pcsc.startService()
        case .scannerReplug:
            let index = random.int(in: 0...(bank.links.count - 1))
            bank.unplug(index)
            try await Task.sleep(for: .seconds(2))
            try bank.replug(index)
        case .gatewaySlow:
            await simulator.inject(InjectedFaults(extraLatencyMilliseconds: random.pick([1500, 4000])))
            try await Task.sleep(for: .seconds(8))
            await simulator.inject(InjectedFaults())
        case .gatewayHTML:
            await simulator.inject(InjectedFaults(htmlErrorStatus: random.pick([500, 503])))
            try await Task.sleep(for: .seconds(6))
            await simulator.inject(InjectedFaults())
        case .tokensExpired:
            await simulator.expireAllTokens()
        case .gatewayOutage:
            await simulator.setOutage(true)
            try await Task.sleep(for: .seconds(10))
            await simulator.setOutage(false)
        case .daemonKill:
            try await supervisor.killAndRestart()
        }
    }
}
