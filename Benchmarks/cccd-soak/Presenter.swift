import CCCDTestSupport
import Foundation

/// The patients at the desk: one presentation after another on a random scanner, mostly BHYT card
/// QRs (cheap: straight to the lookup), every 25th a CCCD QR alone (the lookup waits out the join
/// window), every 40th a CCCD QR with its virtual chip on one of vpcd's two readers — a third of
/// those chips pulled out mid-read.
struct Presenter {
    struct Tally: Sendable {
        var scans = 0
        var byKind: [String: Int] = [:]
        /// Presentations that ended in a `result` event (recorded or not).
        var results = 0
        var refusedBusy = 0
        /// No result within the limit: the daemon was killed under it, or it is still running.
        var noResult = 0
        var chipsPulledMidRead = 0
        var chipsNotSeen = 0
        var scannerUnplugged = 0
    }

    let bank: ScannerBank
    let feed: EventFeed
    let supervisor: DaemonSupervisor
    let material: VirtualCardMaterial
    let folder: URL
    let random: SoakRandom

    func run(until deadline: ContinuousClock.Instant) async -> Tally {
        var tally = Tally()
        var number = 0
        while ContinuousClock.now < deadline {
            guard supervisor.port != nil else {
                try? await Task.sleep(for: .milliseconds(100))
                continue
            }
            number += 1
            if number % 40 == 0 {
                await presentChip(&tally)
            } else if number % 25 == 0 {
                await presentQR(random.pick(Patients.citizenQRs), kind: "CCCD QR alone", &tally)
            } else {
                await presentQR(random.pick(Patients.bhytCards).payload, kind: "BHYT card QR", &tally)
            }
        }
        return tally
    }

    private func presentQR(_ payload: String, kind: String, _ tally: inout Tally) async {
        let mark = feed.count
        guard scan(payload, &tally) else { return }
        tally.byKind[kind, default: 0] += 1
        // A lookup lasts at most the gateway's 3 s timeout and the HTTP round trips around it.
        await awaitOutcome(after: mark, within: .seconds(10), &tally)
    }

    /// The card first (the desk asks for the QR), then the QR: the chip is read, verified, looked up.
    private func presentChip(_ tally: inout Tally) async {
        let (profile, payload) = random.pick(Patients.chips)
        let pulled = random.int(in: 0...2) == 0
        var arguments = ["--profile", material.profile(profile).path, "--port", String(random.pick([35963, 35964]))]
        // Past PACE and into the file reads: the card leaves the field while the reader is still asking.
        if pulled { arguments += ["--remove-after", String(random.int(in: 8...60))] }
        guard let card = try? SpawnedProcess(executable: BuiltProducts.executable("cccd-vcard").path, arguments: arguments,
                                             logPath: folder.appendingPathComponent("cccd-vcard.log").path)
        else { return }
        Children.track(card.pid)
        let mark = feed.count
        if await waitFor(after: mark, within: .seconds(10), { $0.type == "qrNeeded" || $0.type == "cardDetected" }) != nil,
           scan(payload, &tally) {
            tally.byKind[pulled ? "CCCD QR + chip pulled mid-read" : "CCCD QR + chip", default: 0] += 1
            if pulled { tally.chipsPulledMidRead += 1 }
            await awaitOutcome(after: mark, within: .seconds(60), &tally)
        } else {
            tally.chipsNotSeen += 1
        }
        let removed = feed.count
        await card.stop()
        Children.untrack(card.pid)
        _ = await waitFor(after: removed, within: .seconds(3)) { $0.type == "cardRemoved" }
    }

    private func scan(_ payload: String, _ tally: inout Tally) -> Bool {
        let index = random.int(in: 0...(bank.links.count - 1))
        for offset in 0..<bank.links.count {
            // A scanner that is unplugged, or whose pty nobody reads (daemon restarting), is skipped.
            if (try? bank.scan(payload, on: (index + offset) % bank.links.count)) == true {
                tally.scans += 1
                return true
            }
            tally.scannerUnplugged += 1
        }
        return false
    }

    private func awaitOutcome(after mark: Int, within limit: Duration, _ tally: inout Tally) async {
        let end = await waitFor(after: mark, within: limit) { $0.type == "result" || $0.errorCode == "session.busy" }
        switch end?.type {
        case "result": tally.results += 1
        case "error": tally.refusedBusy += 1
        default: tally.noResult += 1
        }
    }

    private func waitFor(after mark: Int, within limit: Duration, _ condition: (FeedEvent) -> Bool) async -> FeedEvent? {
        let deadline = ContinuousClock.now + limit
        let incarnation = supervisor.incarnation
        while ContinuousClock.now < deadline {
            if let event = feed.events(from: mark).first(where: condition) { return event }
            // The daemon was killed under this presentation: its outcome will never come.
            if supervisor.incarnation != incarnation { return nil }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }
}
