import CCCDIdentity
import CCCDTestSupport
import ChipProtocol
import Foundation
import SmartCardReader
import VirtualChip

/// A full chip read — EF.CardAccess, PACE, EF.COM, EF.SOD, DG1, DG13, DG14, DG15, Chip and Active
/// Authentication, with and without DG2 — of the `nguyen-thi-mau` sample card made by
/// `scripts/make-vcard-keys.sh`.
///
/// Rows: in process (the chip engine wired to the reader: the anchor, no pcscd) and on the rig
/// (real pcscd + vsmartcard-vpcd + the `cccd-vcard` binary), each with the chunking the vpcd
/// reader allows (extended length) and with short APDUs (Le 0xDF). Beside the measured APDU count
/// stand the minimum for the row's chunk size and what 0xDF and 0xA0 chunking (the defaults of two
/// well-known readers) would need; short reads at 0xA0 are also measured. Targets (reported, never
/// asserted): no more APDUs than the minimum; a read without DG2 under 150 ms on the rig, beside
/// the same read in process (the anchor: the chip engine without pcscd).
func chipReadBenchmarks(repository: URL, runs: Int = 15) async throws -> [ChipReadRow] {
    try await withTemporaryDirectory { folder in
        let material = try await makeBenchmarkCards(repository: repository, in: folder)
        let profile = material.appendingPathComponent("nguyen-thi-mau/nguyen-thi-mau.json")
        guard let can = CardAccessNumber("000123") else { return [] }
        let credentials = ChipCredentials(cardAccessNumber: can)
        let plans: [(String, ReadPlan)] = [("full read without DG2", .withoutFaceImage), ("full read with DG2", .standard)]
        let policies: [(String, ReadPolicy)] = [
            ("extended", .extended(readerMaximumResponseLength: 65535)), ("short 0xDF", .shortOnly),
            ("short 0xA0", ReadPolicy(maximumShortLength: 0xA0)),
        ]
        var rows: [ChipReadRow] = []
        for (planName, plan) in plans {
            for (policyName, policy) in policies {
                rows.append(try await ChipReadRow.measure("\(planName)", transport: "in process", chunk: policyName, policy: policy, runs: runs) {
                    let chip = try VirtualCCCDChip(profilePath: profile.path)
                    chip.powerOn()
                    let start = ContinuousClock.now
                    let result = try await ChipSession.read(over: InProcessTransport(chip: chip), credentials: credentials, plan: plan, policy: policy)
                    return (result, ContinuousClock.now - start)
                })
            }
        }
        guard PCSCRig.isAvailable else {
            print("SKIPPED: rig rows (pcscd or vsmartcard-vpcd unavailable)")
            return rows
        }
        try await PCSCRig.withRig { _ in
            try await withServedCard(profile: profile, log: folder.appendingPathComponent("vcard.log")) { service in
                let probe = try await service.connection(to: PCSCRig.firstReaderName)
                let readers = readerPolicy(probe)
                await probe.disconnect()
                for (planName, plan) in plans {
                    let rigPolicies = [("reader's", readers)] + policies.dropFirst()
                    for (policyName, policy) in rigPolicies {
                        rows.append(try await ChipReadRow.measure(planName, transport: "pcscd + vpcd", chunk: policyName, policy: policy, runs: runs) {
                            let connection = try await service.connection(to: PCSCRig.firstReaderName)
                            let start = ContinuousClock.now
                            do {
                                let result = try await ChipSession.read(over: connection, credentials: credentials, plan: plan, policy: policy)
                                let elapsed = ContinuousClock.now - start
                                await connection.disconnect()
                                return (result, elapsed)
                            } catch {
                                await connection.disconnect()
                                throw error
                            }
                        })
                    }
                }
            }
        }
        return rows
    }
}

/// One configuration's figures: medians of `runs` reads after two warm-up reads. Only the read is
/// timed (from the first APDU to the result): making the virtual chip or connecting to the reader
/// is not, as a kiosk holds the connection from the moment the card arrives.
struct ChipReadRow {
    var read: String
    var transport: String
    var chunk: String
    var apdus: Int
    var minimumAPDUs: Int
    var apdusAt0xDF: Int
    var apdusAt0xA0: Int
    var fileBytes: Int
    var wireBytes: Int
    var timing: Measurement

    static func measure(
        _ read: String, transport: String, chunk: String, policy: ReadPolicy, runs: Int,
        _ body: () async throws -> (ChipReadResult, Duration)
    ) async throws -> ChipReadRow {
        for _ in 0..<2 { _ = try await body() }
        var times: [Double] = []
        var last: ChipReadResult?
        for _ in 0..<runs {
            let (result, elapsed) = try await body()
            times.append(elapsed.nanoseconds)
            last = result
        }
        guard let result = last else { throw BenchmarkFailure(description: "no runs") }
        let sizes = result.files.map(\.bytes.count)
        let chunkUsed = policy.maximumExtendedLength ?? policy.maximumShortLength
        return ChipReadRow(
            read: read, transport: transport, chunk: chunk, apdus: result.statistics.commandCount,
            minimumAPDUs: minimumAPDUs(sizes, chunk: chunkUsed, result: result),
            apdusAt0xDF: minimumAPDUs(sizes, chunk: 0xDF, result: result),
            apdusAt0xA0: minimumAPDUs(sizes, chunk: 0xA0, result: result),
            fileBytes: result.fileBytes, wireBytes: result.statistics.bytesSent + result.statistics.bytesReceived,
            timing: Measurement(name: read, runs: times)
        )
    }

    /// The fewest APDUs a header-then-exact-length read needs: per file one header READ BINARY by
    /// short EF identifier (which selects the file) and ⌈rest / chunk⌉ more; plus the protocol's
    /// own round trips — PACE (MSE:Set AT + 4 GENERAL AUTHENTICATE) or BAC (GET CHALLENGE + MUTUAL
    /// AUTHENTICATE), SELECT of the application, Chip Authentication (2), Active Authentication (1).
    /// It counts EF.CardAccess read by its short EF identifier (0x1C, ICAO 9303-10), as the session
    /// reads it (a chip refusing that costs one SELECT more).
    static func minimumAPDUs(_ sizes: [Int], chunk: Int, result: ChipReadResult, header: Int = 4) -> Int {
        let files = sizes.reduce(0) { $0 + 1 + max(0, $1 - header + chunk - 1) / chunk }
        let access = if case .pace = result.accessMethod { 5 } else { 2 }
        let authentication = (result.chipAuthentication == nil ? 0 : 2) + (result.activeAuthentication == nil ? 0 : 1)
        return files + access + 1 + authentication
    }
}

/// The extended-length policy `cccdctl card read` picks for a reader that carries it.
private func readerPolicy(_ connection: CardConnection) -> ReadPolicy {
    let capabilities = connection.capabilities
    guard capabilities.allowsExtendedLength(for: connection.answerToReset) else { return .shortOnly }
    return .extended(readerMaximumResponseLength: capabilities.maxResponseLength)
}

/// The sample cards, keys and EF.SODs, made by the project's script with the built `cccd-vcard`.
private func makeBenchmarkCards(repository: URL, in folder: URL) async throws -> URL {
    let outcome = try await runProcess(
        repository.appendingPathComponent("scripts/make-vcard-keys.sh"), [folder.path],
        environment: ["CCCD_VCARD": BuiltProducts.executable("cccd-vcard").path]
    )
    guard outcome.status == 0 else { throw BenchmarkFailure(description: "make-vcard-keys.sh: \(outcome.stderrText)") }
    return folder
}

/// Runs the `cccd-vcard` binary with `profile` until `body` returns; waits for pcscd to see the card.
private func withServedCard<T>(profile: URL, log: URL, _ body: (PCSCService) async throws -> T) async throws -> T {
    let card = try SpawnedProcess(executable: BuiltProducts.executable("cccd-vcard").path, arguments: ["--profile", profile.path], logPath: log.path)
    let service = PCSCService()
    do {
        let deadline = ContinuousClock.now + .seconds(20)
        while try await !service.readers().contains(where: { $0.name == PCSCRig.firstReaderName && $0.cardPresent }) {
            guard ContinuousClock.now < deadline else { throw BenchmarkFailure(description: "the virtual card never appeared") }
            try await Task.sleep(for: .milliseconds(50))
        }
        let result = try await body(service)
        await card.stop()
        return result
    } catch {
        await card.stop()
        throw error
    }
}

/// The report's rows: per configuration its APDU count beside the minimum, and its time — on the
/// rig beside the same read and chunking in process (the reader's extended length beside extended).
func chipReadReportRows(_ rows: [ChipReadRow], suite: String) -> [BenchmarkRow] {
    rows.flatMap { row -> [BenchmarkRow] in
        let configuration = "\(row.read), \(row.transport), \(row.chunk)"
        let apdus = BenchmarkRow(
            suite: suite, name: "APDUs: \(configuration)", figure: Double(row.apdus), unit: "APDUs", runs: row.timing.runs.count,
            anchor: "minimum at this chunk", anchorFigure: Double(row.minimumAPDUs),
            target: .below(Double(row.minimumAPDUs) + 1, "≤ minimum"),
            note: "minimum at 0xDF: \(row.apdusAt0xDF), at 0xA0: \(row.apdusAt0xA0); \(row.fileBytes) file bytes, \(row.wireBytes) wire bytes")
        let twin = row.transport == "in process" ? nil : rows.first {
            $0.transport == "in process" && $0.read == row.read && ($0.chunk == row.chunk || ($0.chunk == "extended" && row.chunk == "reader's"))
        }
        let rig = row.transport != "in process" && row.read.contains("without")
        let time = BenchmarkRow(
            suite: suite, name: "time: \(configuration)", figure: row.timing.median, unit: "ns", runs: row.timing.runs.count,
            anchor: twin.map { "in process, \($0.chunk)" }, anchorFigure: twin?.timing.median,
            target: rig ? .under(milliseconds: 150) : .report)
        return [apdus, time]
    }
}
