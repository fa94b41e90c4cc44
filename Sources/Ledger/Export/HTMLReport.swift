import CCCDIdentity

/// The auditor's report as one self-contained HTML file: no scripts, no fonts, no images, no
/// links — the chart is inline SVG — so it opens offline and prints the same everywhere.
struct HTMLReport {
    var report: StatisticsReport
    var language: Language

    func render() -> String {
        let vi = language == .vi
        let title = vi ? "Báo cáo tra cứu thẻ BHYT bằng CCCD" : "BHYT lookups by CCCD — ledger report"
        let period = "\(report.query.from ?? "…") – \(report.query.to ?? "…")"
        var html = """
            <!DOCTYPE html>
            <html lang="\(vi ? "vi" : "en")"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
            td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}
            code{font-size:85%;word-break:break-all}</style></head><body>
            <h1>\(escape(title))</h1><p>\(vi ? "Kỳ báo cáo" : "Period"): \(escape(period))</p>

            """
        html += headlineTable(vi: vi)
        html += "<h2>\(vi ? "Tỷ lệ tra cứu thành công theo thời gian" : "Lookup success rate over time")</h2>\n"
        html += SuccessRateChart(points: report.groups.map { ($0.key, $0.headline.lookupSuccessRate) }).svg()
        html += failureTable(vi: vi)
        html += definitions(vi: vi)
        if let checkpoint = report.checkpoint {
            html += "<h2>\(vi ? "Điểm kiểm tra (checkpoint) của báo cáo" : "Checkpoint this report was made from")</h2>\n"
            html += "<p><code>\(escape(checkpoint.line))</code></p>\n"
        }
        return html + "</body></html>\n"
    }

    private func headlineTable(vi: Bool) -> String {
        let language: Language = vi ? .vi : .en
        var html = "<h2>\(vi ? "Chỉ số chính" : "Headline figures")</h2>\n<table><tr><th>\(ReportColumns.groupHeader(language))</th>"
        html += ReportColumns.all.map { "<th>\(escape(ReportColumns.header($0, language)))</th>" }.joined() + "</tr>\n"
        let rows = report.groups.map { ($0.key, $0.headline) } + [(ReportColumns.totalLabel(language), report.headline)]
        for (key, figures) in rows {
            html += "<tr><td>\(escape(key))</td>" + ReportColumns.all.map { "<td>\(escape($0.value(figures)))</td>" }.joined() + "</tr>\n"
        }
        return html + "</table>\n"
    }

    private func failureTable(vi: Bool) -> String {
        var html = "<h2>\(vi ? "Tra cứu không thành công theo lớp và mã" : "Failures by class and code")</h2>\n"
        html += "<table><tr><th>\(vi ? "Lớp kết quả" : "class")</th><th>\(vi ? "Mã" : "code")</th><th>\(vi ? "Số lượt" : "count")</th></tr>\n"
        for failure in report.failures {
            html += "<tr><td>\(escape(failure.kind.resultClass))</td><td>\(escape(failure.kind.code))</td><td>\(failure.count)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func definitions(vi: Bool) -> String {
        var html = "<h2>\(vi ? "Định nghĩa" : "Definitions")</h2>\n<dl>\n"
        for figure in HeadlineFigures.Figure.allCases {
            let rate = report.headline[figure]
            html += "<dt>\(escape(vi ? figure.vietnameseName : figure.rawValue)): \(rate.numerator) / \(rate.denominator) = \(rate.percentText)</dt>"
            html += "<dd>\(escape(figure.definition))</dd>\n"
        }
        html += "<dd>\(vi ? "Tỷ lệ in với hai chữ số thập phân, luôn cắt bớt, không bao giờ làm tròn lên." : "Rates are printed with two decimals, truncated, never rounded up.")</dd>\n"
        return html + "</dl>\n"
    }
}

/// Escapes text for HTML element content and attribute values.
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
