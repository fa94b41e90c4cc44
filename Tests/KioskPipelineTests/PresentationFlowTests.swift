import CCCDIdentity
import CCCDTestSupport
import Foundation
import KioskPipeline
import Ledger
import Testing

@Suite("a presentation through the pipeline: virtual chip, real verifier, bhxh-sim, real ledger", .enabled(if: PipelineRig.available))
struct PresentationFlowTests {
    @Test("QR then card: read, verified authentic, eligible, one ledger record, events in pipeline order")
    func qrThenCard() async throws {
        try await PipelineRig.run { rig in
            let events = try await rig.events(until: .result) {
                try await rig.scan(SamplePayload.mau)
                try await rig.insert("nguyen-thi-mau")
            }
            let kinds = events.map(\.kind)
            #expect(kinds.first == .scanReceived)
            let order: [KioskEvent.Kind] = [.scanReceived, .cardDetected, .readingProgress, .verified, .lookupStarted, .result]
            #expect(order.compactMap { kinds.firstIndex(of: $0) } == order.compactMap { kinds.firstIndex(of: $0) }.sorted())
            #expect(Set(order).isSubset(of: Set(kinds)))
            let progress = events.compactMap { $0.session?.progress?.fraction }
            #expect(progress == progress.sorted(), "reading progress only grows")

            let final = try #require(events.last?.session)
            #expect(final.state == .done)
            #expect(final.source == "chip")
            #expect(final.verdict?.kind == .authentic)
            #expect(final.eligibility?.class == .eligible)
            #expect(final.eligibility?.card?.code == "GD4010190000123")
            #expect(final.holder?.fullName == "Nguyễn Thị Mẫu")
            #expect(final.holder?.idMasked == "0011****0123")
            #expect(final.holder?.hasPhoto == true)
            #expect(final.nextStep?.vi.isEmpty == false)

            let records = try rig.ledger.records()
            #expect(records.count == 1)
            let record = try #require(records.first)
            #expect(record.source == "chip")
            #expect(record.chipVerdict == "authentic")
            #expect(record.outcome == .eligible)
            #expect(record.resultCode == "000")
            #expect(record.subject == rig.pseudonymizer.pseudonym(of: "001190000123").hex)
            #expect(await rig.coordinator.photo != nil)
        }
    }

    @Test("card first: the desk asks for the QR, then reads with the QR's CAN")
    func cardThenQR() async throws {
        try await PipelineRig.run { rig in
            let asked = try await rig.events(until: .qrNeeded) { try await rig.insert("nguyen-thi-mau") }
            #expect(asked.last?.session?.state == .waitingForQR)
            let events = try await rig.events(until: .result) { try await rig.scan(SamplePayload.mau) }
            #expect(events.last?.session?.verdict?.kind == .authentic)
            #expect(events.last?.session?.eligibility?.class == .eligible)
            #expect(try rig.ledger.records().count == 1)
        }
    }

    @Test("a QR with no reader attached is looked up at once, recorded as cccdQr with the chip not read")
    func qrWithoutReader() async throws {
        try await PipelineRig.run(readers: []) { rig in
            let events = try await rig.events(until: .result) { try await rig.scan(SamplePayload.hetHan) }
            let final = try #require(events.last?.session)
            #expect(final.verdict == nil)
            #expect(final.eligibility?.class == .notEligible)
            #expect(final.eligibility?.code == "010")
            let record = try #require(try rig.ledger.records().first)
            #expect(record.source == "cccdQr")
            #expect(record.chipVerdict == "notRead")
        }
    }

    @Test("a QR whose card was issued after today is refused at the scan: nothing looked up, nothing recorded")
    func qrIssuedInTheFuture() async throws {
        try await PipelineRig.run(readers: []) { rig in
            // The 2021 sample with an issue date next year: every field well-formed, only the date impossible.
            let nextYear = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
            let payload = SamplePayload.mau.replacingOccurrences(of: "|01072021", with: "|0107\(nextYear)")
            #expect(payload != SamplePayload.mau)
            let events = try await rig.events(until: .error) { try await rig.scan(payload) }
            #expect(events.last?.session?.error?.code == "qr.crossCheck.issuedInFuture")
            #expect(!events.contains { $0.kind == .lookupStarted })
            #expect(try rig.ledger.records().isEmpty)
        }
    }

    @Test("no card within the join window: the QR's identity is looked up alone")
    func joinWindowPasses() async throws {
        try await PipelineRig.run(joinWindow: .milliseconds(300)) { rig in
            let events = try await rig.events(until: .result) { try await rig.scan(SamplePayload.mau) }
            #expect(events.first?.session?.state == .waitingForCard)
            #expect(events.last?.session?.source == "cccdQr")
            #expect(events.last?.session?.eligibility?.class == .eligible)
        }
    }

    @Test("a cloned chip is suspicious: the lookup uses the QR, the record carries the verdict and the failed check")
    func clonedChip() async throws {
        try await PipelineRig.run { rig in
            let events = try await rig.events(until: .result) {
                try await rig.scan(SamplePayload.huong)
                try await rig.insert("dang-thi-ngoc-huong")
            }
            let final = try #require(events.last?.session)
            #expect(final.verdict?.kind == .suspicious)
            #expect(final.nextStep?.en.contains("suspicious") == true)
            let record = try #require(try rig.ledger.records().first)
            #expect(record.chipVerdict == "suspicious")
            #expect(!record.failedChecks.isEmpty)
            #expect(record.outcome == .eligible)
        }
    }

    @Test("the gateway down: transient, recorded, and the page is told to admit manually")
    func gatewayDown() async throws {
        try await PipelineRig.run(readers: []) { rig in
            await rig.simulator.setOutage(true)
            let events = try await rig.events(until: .result) { try await rig.scan(SamplePayload.mau) }
            let final = try #require(events.last?.session)
            #expect(final.eligibility?.class == .transient || final.eligibility?.class == .skipped)
            #expect(final.nextStep?.vi.contains("tiếp nhận thủ công") == true)
            #expect(try rig.ledger.records().count == 1)
        }
    }

    @Test("clear ends the session: the view is idle and no buffered event still holds the patient")
    func clearDropsPersonalData() async throws {
        try await PipelineRig.run(readers: []) { rig in
            _ = try await rig.events(until: .result) { try await rig.scan(SamplePayload.hetHan) }
            let cleared = try await rig.events(until: .sessionCleared) { await rig.coordinator.handle(.clear) }
            #expect(cleared.last?.session == .idle)
            #expect(await rig.coordinator.view == .idle)
            let replay = await PipelineRig.collectAvailable(rig.bus.subscribe(after: 0))
            #expect(!replay.isEmpty)
            #expect(replay.allSatisfy { $0.session?.holder == nil })
        }
    }

    @Test("the hold time ends a finished session by itself")
    func holdExpires() async throws {
        try await PipelineRig.run(hold: .milliseconds(300), readers: []) { rig in
            let events = try await rig.events(until: .sessionCleared) { try await rig.scan(SamplePayload.hetHan) }
            #expect(events.contains { $0.kind == .result })
            #expect(await rig.coordinator.view.state == .idle)
        }
    }

    @Test("staff's manual entry is looked up and recorded as a manual presentation")
    func manualEntry() async throws {
        try await PipelineRig.run(readers: []) { rig in
            let id = try #require(PersonalID("001085000789"))
            let birth = try #require(CivilDate(year: 1985, month: 2, day: 2))
            let events = try await rig.events(until: .result) {
                await rig.coordinator.handle(.manual(.person(id: id, fullName: "Phạm Văn Hết Hạn", dateOfBirth: birth)))
            }
            #expect(events.last?.session?.source == "manual")
            #expect(events.last?.session?.eligibility?.code == "010")
            #expect(try rig.ledger.records().first?.source == "manual")
        }
    }
}

extension PipelineRig {
    /// The events a fresh subscription replays at once (the buffer), without waiting for more.
    static func collectAvailable(_ stream: AsyncStream<KioskEvent>) async -> [KioskEvent] {
        let task = Task {
            var seen: [KioskEvent] = []
            for await event in stream { seen.append(event) }
            return seen
        }
        try? await Task.sleep(for: .milliseconds(200))
        task.cancel()
        return await task.value
    }
}
