import Foundation

/// The summary table, printed and written between the soak markers of BENCHMARKS.md.
struct SoakReport {
    var rows: [(String, String)] = []
    var failures: [String] = []

    mutating func row(_ name: String, _ value: String) { rows.append((name, value)) }

    /// Records a failed invariant (and its row says so).
    mutating func check(_ holds: Bool, _ name: String, _ value: String) {
        rows.append((name, holds ? value : "**FAILED**: \(value)"))
        if !holds { failures.append("\(name): \(value)") }
    }

    var markdown: String {
        var lines = ["| | |", "|---|---|"]
        lines += rows.map { "| \($0.0) | \($0.1.replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "\n", with: " ")) |" }
        lines.append("")
        lines.append(failures.isEmpty ? "Verdict: **every invariant held.**"
                                      : "Verdict: **\(failures.count) invariant(s) failed** — " + failures.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    /// Replaces only the text between `<!-- soak:begin -->` and `<!-- soak:end -->`.
    func write(into file: URL, heading: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let begin = text.range(of: "<!-- soak:begin -->"), let end = text.range(of: "<!-- soak:end -->"),
              begin.upperBound <= end.lowerBound
        else { throw SoakFailure("\(file.path) has no <!-- soak:begin --> … <!-- soak:end --> block") }
        let block = "\n\(heading)\n\n\(markdown)\n"
        try (String(text[..<begin.upperBound]) + block + String(text[end.lowerBound...])).write(to: file, atomically: true, encoding: .utf8)
    }

    /// `N cores, CPU model, RAM`.
    static var machine: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return String(format: "%d cores, %@, %.1f GiB RAM", ProcessInfo.processInfo.processorCount, cpu, memory)
    }
}
