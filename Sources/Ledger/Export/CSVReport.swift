import CCCDIdentity
import Foundation

/// CSV that Excel opens correctly: a UTF-8 byte-order mark (without it Excel reads Vietnamese as
/// Windows-1252), CRLF line ends, RFC 4180 quoting. Sections: the headline per group and in total,
/// the failures by class and code, the definitions, the checkpoint.
struct CSVReport {
    var report: StatisticsReport
    var language: Language

    func render() -> Data {
        var lines: [[String]] = []
        lines.append([ReportColumns.groupHeader(language)] + ReportColumns.all.map { ReportColumns.header($0, language) })
        for group in report.groups {
            lines.append([group.key] + ReportColumns.all.map { $0.value(group.headline) })
        }
        lines.append([ReportColumns.totalLabel(language)] + ReportColumns.all.map { $0.value(report.headline) })
        lines.append([])
        lines.append(language == .vi ? ["Lớp kết quả", "Mã kết quả", "Số lượt"] : ["failure class", "result code", "count"])
        for failure in report.failures {
            lines.append([failure.kind.resultClass, failure.kind.code, "\(failure.count)"])
        }
        lines.append([])
        lines.append([language == .vi ? "Định nghĩa" : "definition"])
        for figure in HeadlineFigures.Figure.allCases {
            lines.append([figure.rawValue, figure.definition])
        }
        if let checkpoint = report.checkpoint {
            lines.append([])
            lines.append([language == .vi ? "Điểm kiểm tra" : "checkpoint", checkpoint.line])
        }
        let text = lines.map { $0.map(Self.quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// RFC 4180: quote fields holding a comma, a quote or a line break, doubling inner quotes.
    /// A leading `=`, `+`, `-` or `@` is prefixed with `'` so Excel never runs a cell as a formula.
    static func quoted(_ field: String) -> String {
        var field = field
        if let first = field.first, "=+@".contains(first) || (first == "-" && Double(field) == nil) {
            field = "'" + field
        }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
