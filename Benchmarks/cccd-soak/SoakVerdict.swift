import Foundation

/// The invariants, judged once the daemon has stopped, and the summary table they fill.
struct SoakVerdict {
    let settings: SoakSettings
    let driven: Duration
    let drained: Duration
    let pendingAfterDrain: Int
    let presented: Presenter.Tally
    let injected: (counts: [FaultInjector.Kind: Int], skipped: [String])
    let feed: [FeedEvent]
    let reconnections: Int
    let audit: LedgerAudit
    let supervisor: DaemonSupervisor
    let exitStatus: Int32?
    let scan: LogScan

    func report() throws -> Bool {
        var report = SoakReport()
        report.row("date", Date().formatted(Date.ISO8601FormatStyle()))
        report.row("machine", SoakReport.machine + "; debug build")
        report.row("duration", String(format: "%.0f s of presentations and faults (SOAK_MINUTES=%.1f), %.0f s re-check drain",
                                      driven.inSeconds, settings.duration.inSeconds / 60, drained.inSeconds))
        let kinds = presented.byKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        report.row("presentations", "\(presented.scans) scans on \(settings.scanners) pty scanners: \(kinds)")
        let acknowledged = feed.filter(\.isAcknowledged)
        report.row("outcomes seen over SSE", "\(presented.results) results (\(acknowledged.count) acknowledged as recorded, all sessions), "
                   + "\(presented.refusedBusy) refused busy, \(presented.noResult) without a result (daemon killed under them), "
                   + "\(presented.chipsNotSeen) cards not seen (pcscd down), \(reconnections) SSE connections")
        let faults = FaultInjector.Kind.allCases.map { "\($0.rawValue): \(injected.counts[$0] ?? 0)" }
            + ["chip pulled mid-read: \(presented.chipsPulledMidRead)"] + injected.skipped.map { "SKIPPED \($0)" }
        report.row("faults injected", faults.joined(separator: "; "))

        let firsts = audit.records.filter { $0.recheckOf == 0 }.count
        let classes = Dictionary(grouping: audit.records, by: \.resultClass).map { "\($0.value.count) \($0.key)" }.sorted().joined(separator: ", ")
        report.row("ledger records", "\(audit.records.count) (\(firsts) presentations, \(audit.records.count - firsts) linked re-check records; \(classes))")
        let missing = audit.missing(acknowledged)
        report.check(missing.isEmpty, "acknowledged presentations in the ledger",
                     "\(acknowledged.count - missing.count) of \(acknowledged.count)")
        report.check(audit.chainIntact, "chain (cccdctl ledger verify)", audit.chainReport)
        let lost = audit.lostRechecks, broken = audit.brokenRecheckLinks
        report.check(lost.isEmpty && broken.isEmpty, "re-checks",
                     "\(audit.recheckRows.count) queued: \(audit.rechecks(in: "resolved")) resolved, \(audit.rechecks(in: "abandoned")) abandoned, "
                     + "\(audit.rechecks(in: "pending")) still pending; lost \(lost.count)\(lost.isEmpty ? "" : " (records \(lost.prefix(10)))"), "
                     + "closed without their linked record \(broken.count)")
        let exits = supervisor.unexpectedExits
        report.check(exits.isEmpty, "daemon incarnations", "\(supervisor.incarnation), unexpected exits \(exits.count)"
                     + (exits.isEmpty ? "" : ": " + exits.joined(separator: "; ")))
        report.check(exitStatus == 0, "graceful stop (SIGTERM)", "exit status \(exitStatus.map(String.init) ?? "none: SIGKILLed after 10 s")")
        resources(&report)
        let found = scan.findings.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
        report.check(scan.findings.isEmpty, "personal data and secrets in the daemon's logs",
                     "\(scan.findings.isEmpty ? "none" : found) (\(scan.stringsChecked) strings in \(scan.bytesScanned / 1024) KiB of logs)")

        let problems = scan.problems.sorted { $0.value > $1.value }.prefix(8).map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        report.row("daemon log lines at warning or worse", problems.isEmpty ? "none" : problems)

        print("\n" + report.markdown)
        if let file = settings.report {
            try report.write(into: file, heading: "Last run (`make soak`, seed \(settings.seed)):")
            print("\nsoak: summary written to \(file.path)")
        }
        return report.failures.isEmpty
    }

    /// Memory and descriptors of the last incarnation, after 10 s of warm-up.
    private func resources(_ report: inout SoakReport) {
        let last = supervisor.samples.filter { $0.incarnation == supervisor.incarnation }
        guard let rss = ResourceTrend(last.map(\.rssKiB), warmUp: 10), let fds = ResourceTrend(last.map(\.descriptors), warmUp: 10) else {
            report.check(false, "RSS and descriptors", "too few samples of the last incarnation (\(last.count)) to judge")
            return
        }
        // Bounded: +20 % and 8 MiB over the run's span; a per-presentation leak of a few KiB exceeds it.
        report.check(!rss.grewBeyond(ratio: 1.2, plus: 8192), "RSS (last incarnation, \(rss.samples) samples)",
                     String(format: "min %.1f MiB, max %.1f MiB; median first third %.1f MiB → last third %.1f MiB",
                            Double(rss.minimum) / 1024, Double(rss.maximum) / 1024, rss.first / 1024, rss.last / 1024))
        report.check(!fds.grewBeyond(ratio: 1, plus: 8), "file descriptors (last incarnation)",
                     String(format: "min %d, max %d; median first third %.0f → last third %.0f", fds.minimum, fds.maximum, fds.first, fds.last))
    }
}
