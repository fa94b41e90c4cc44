public import Foundation

/// One line of the benchmark report: a figure (a median), its anchor measured in the same run, and
/// the target the issues hold it to. Both benchmark executables emit these as JSON lines so that
/// one writer (`scripts/bench-report.py`) can turn a whole `make bench` into BENCHMARKS.md.
public struct BenchmarkRow: Codable, Sendable, Equatable {
    /// The report section, e.g. "QR" or "Ledger (10000000 records)".
    public var suite: String
    public var name: String
    /// The median of `runs` runs, in `unit` ("ns" for times, which the writer formats as µs/ms).
    public var figure: Double
    public var unit: String
    public var runs: Int
    public var anchor: String?
    /// The anchor's median, in the same unit as the figure.
    public var anchorFigure: Double?
    public var target: String
    /// Whether the figure meets the target; nil when the target is only "report it".
    public var met: Bool?
    /// Anything the figure needs to be read right (chunking counts, byte totals, sizes).
    public var note: String?

    public init(suite: String, name: String, figure: Double, unit: String, runs: Int, anchor: String? = nil,
                anchorFigure: Double? = nil, target: BenchmarkTarget = .report, note: String? = nil) {
        self.suite = suite
        self.name = name
        self.figure = figure
        self.unit = unit
        self.runs = runs
        self.anchor = anchor
        self.anchorFigure = anchorFigure
        self.target = target.text
        self.met = target.isMet(by: figure)
        self.note = note
    }
}

/// A target from the issues, in the figure's unit: checked when the row is made, never asserted.
public enum BenchmarkTarget: Sendable {
    case below(Double, String)
    case atLeast(Double, String)
    /// No numeric target: the figure is reported (optionally with a word on what to read in it).
    case report
    case described(String)

    public var text: String {
        switch self {
        case .below(_, let text), .atLeast(_, let text), .described(let text): text
        case .report: "—"
        }
    }

    public func isMet(by figure: Double) -> Bool? {
        switch self {
        case .below(let limit, _): figure < limit
        case .atLeast(let limit, _): figure >= limit
        case .report, .described: nil
        }
    }
}

/// Where a benchmark executable writes its rows: appended as JSON lines to the file named by
/// `CCCD_BENCH_ROWS` (what `make bench` sets); nowhere when it is unset, as the tables are printed anyway.
public enum BenchmarkRowSink {
    public static func emit(_ rows: [BenchmarkRow], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let path = environment["CCCD_BENCH_ROWS"], !rows.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = Data()
        for row in rows {
            lines.append(try encoder.encode(row))
            lines.append(0x0A)
        }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: lines)
    }
}
