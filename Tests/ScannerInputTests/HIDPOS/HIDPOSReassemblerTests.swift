import Testing
@testable import ScannerInput

@Suite("HID POS reports and reassembly (pure)")
struct HIDPOSReassemblerTests {
    private let configuration = HIDPOSConfiguration()

    private func run(_ reports: [[UInt8]], _ configuration: HIDPOSConfiguration? = nil) -> [HIDPOSReassembler.Output] {
        var reassembler = HIDPOSReassembler(configuration: configuration ?? self.configuration)
        return reports.compactMap { reassembler.consume(report: $0) }
    }

    @Test("a CCCD payload spans three reports and comes back whole, AIM identifier stripped")
    func multiReport() {
        let reports = HoneywellReports.reports(for: Samples.cccd2021Bytes)
        #expect(reports.count == 3)
        #expect(run(reports) == [.payload(Samples.cccd2021Bytes, symbologyIdentifier: Array("]Q1".utf8))])
    }

    @Test("a short payload fits one report")
    func singleReport() {
        let payload = Array("HELLO".utf8)
        #expect(run(HoneywellReports.reports(for: payload)) == [.payload(payload, symbologyIdentifier: Array("]Q1".utf8))])
    }

    @Test("AIM identifier on the first report only (the spec's reading)")
    func firstReportOnly() {
        let config = HIDPOSConfiguration(aimIdentifier: .firstReportOnly)
        let payload = Samples.cccd2024Bytes
        var reports: [[UInt8]] = []
        var offset = 0
        while offset < payload.count {
            let first = offset == 0
            let capacity = first ? 56 : 59
            let piece = Array(payload[offset..<min(offset + capacity, payload.count)])
            offset += piece.count
            var report: [UInt8] = [0x02, UInt8(piece.count)] + (first ? Array("]Q1".utf8) : []) + piece
            report += [UInt8](repeating: 0, count: 63 - report.count)
            reports.append(report + [offset < payload.count ? 1 : 0])
        }
        #expect(run(reports, config) == [.payload(payload, symbologyIdentifier: Array("]Q1".utf8))])
    }

    @Test("a malformed report drops its whole scan: the rest of it never surfaces as a payload")
    func lengthPastReport() {
        var broken = HoneywellReports.reports(for: Samples.cccd2021Bytes)
        broken[1][1] = 200
        let next = HoneywellReports.reports(for: Samples.cccd2024Bytes)
        let outputs = run(broken + next)
        #expect(outputs.count == 2)
        guard case .rejected(let error) = outputs.first else {
            Issue.record("expected a rejection")
            return
        }
        #expect(error.code == "scanner.hidpos.lengthExceedsReport")
        #expect(outputs.last == .payload(Samples.cccd2024Bytes, symbologyIdentifier: Array("]Q1".utf8)))
    }

    @Test("a malformed first report that announces more skips its continuation too")
    func brokenFirstReport() {
        var broken = HoneywellReports.reports(for: Samples.cccd2021Bytes)
        broken[0][0] = 0x05
        let outputs = run(broken)
        #expect(outputs.map { if case .rejected(let e) = $0 { e.code } else { "payload" } } == ["scanner.hidpos.unexpectedReportID"])
    }

    static let malformedReports: [(report: [UInt8], code: String)] = {
        let zeros = { (count: Int) in [UInt8](repeating: 0, count: count) }
        let aim: [UInt8] = Array("]Q1".utf8)
        let noAIM: [UInt8] = Array("XQ1abc".utf8)
        return [
            ([0x02, 0x01, 0x5D], "scanner.hidpos.reportTooShort"),
            ([0x04] + zeros(63), "scanner.hidpos.unexpectedReportID"),
            ([0x02, 0x03] + noAIM + zeros(55) + [0], "scanner.hidpos.missingSymbologyIdentifier"),
            ([0x02, 0x3B] + aim + [UInt8](repeating: 0x41, count: 59), "scanner.hidpos.lengthExceedsReport"),
        ]
    }()

    @Test("malformed reports get specific codes", arguments: malformedReports)
    func malformed(report: [UInt8], code: String) {
        guard case .rejected(let error) = run([report]).first else {
            Issue.record("expected a rejection")
            return
        }
        #expect(error.code == code)
        #expect(!error.message.vi.isEmpty && !error.message.en.isEmpty)
    }

    @Test("a payload over the limit is dropped whole at its last report")
    func oversize() {
        let config = HIDPOSConfiguration(maximumPayloadLength: 100)
        let outputs = run(HoneywellReports.reports(for: Samples.cccd2021Bytes), config)
        #expect(outputs.map { if case .rejected(let error) = $0 { error.code } else { "payload" } } == ["scanner.frame.tooLong"])
        #expect(outputs.first.map { if case .rejected(let e) = $0 { e.message.en.contains("\(Samples.cccd2021Bytes.count)") } else { false } } == true)
    }

    @Test("abandoning a scan whose next report never came reports it as incomplete")
    func abandoned() {
        var reassembler = HIDPOSReassembler(configuration: configuration)
        let reports = HoneywellReports.reports(for: Samples.cccd2021Bytes)
        #expect(reassembler.consume(report: reports[0]) == nil)
        #expect(reassembler.isReassembling)
        guard case .rejected(let error) = reassembler.abandon() else {
            Issue.record("expected a rejection")
            return
        }
        #expect(error.code == "scanner.hidpos.incomplete")
        #expect(reassembler.abandon() == nil)
    }

    @Test("hostile reports of every length never trap")
    func hostileBytesNeverTrap() {
        var reassembler = HIDPOSReassembler(configuration: configuration)
        var generator = SystemRandomNumberGenerator()
        for length in 0..<130 {
            for _ in 0..<20 {
                var report = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if !report.isEmpty { report[0] = 0x02 }
                _ = reassembler.consume(report: report)
            }
        }
    }
}
