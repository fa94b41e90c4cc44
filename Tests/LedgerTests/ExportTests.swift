import CCCDTestSupport
import Foundation
import Ledger
import Testing

@Suite("Exports: CSV for Excel, JSON, self-contained HTML, each carrying its checkpoint")
struct ExportTests {
    @Test("CSV starts with a BOM, has Vietnamese headers with vi, and its checkpoint verifies the ledger")
    func csv() async throws {
        try await withTemporaryLedger { ledger, _ in
            try Fixtures.fill(ledger, count: 500)
            let data = try ledger.export(StatisticsQuery(), format: .csv, language: .vi, at: Fixtures.morning)
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: data.dropFirst(3), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines[0].hasPrefix("Nhóm,Lượt tiếp đón,Lượt tra cứu,Tra cứu thành công,Tỷ lệ tra cứu thành công"))
            let columns = lines[0].split(separator: ",").count
            let total = try #require(lines.first { $0.hasPrefix("Tổng,") })
            #expect(total.split(separator: ",").count == columns)
            let report = try ledger.statistics(StatisticsQuery(includeLatency: false))
            #expect(total.contains(",\(report.headline.lookups),\(report.headline.successfulLookups),\(report.headline.lookupSuccessRate.percentText),"))
            let checkpoint = try Checkpoint.parse(from: text)
            #expect(try ledger.verify(against: checkpoint).isIntact)
        }
    }

    @Test("JSON parses and every rate carries numerator, denominator, percent and definition")
    func json() async throws {
        try await withTemporaryLedger { ledger, _ in
            try Fixtures.fill(ledger, count: 300)
            let data = try ledger.export(StatisticsQuery(), format: .json, at: Fixtures.morning)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let total = try #require(object["total"] as? [String: Any])
            let rates = try #require(total["rates"] as? [String: [String: Any]])
            let success = try #require(rates["lookupSuccessRate"])
            #expect(success["numerator"] as? Int == total["successfulLookups"] as? Int)
            #expect(success["denominator"] as? Int == total["lookups"] as? Int)
            #expect((success["definition"] as? String)?.contains("skipped") == true)
            let line = try #require(object["checkpointLine"] as? String)
            #expect(try Checkpoint.parse(from: line).sequence == 300)
        }
    }

    @Test("HTML is one self-contained file: inline SVG chart, no external assets, definitions, checkpoint")
    func html() async throws {
        try await withTemporaryLedger { ledger, _ in
            try Fixtures.fill(ledger, count: 800)
            let text = String(decoding: try ledger.export(StatisticsQuery(), format: .html, at: Fixtures.morning), as: UTF8.self)
            #expect(text.hasPrefix("<!DOCTYPE html>"))
            #expect(text.contains("<svg") && text.contains("<polyline"))
            // The only URL is the SVG namespace identifier, which is never fetched.
            let urls = text.components(separatedBy: "http").count - 1
            #expect(urls == 1 && text.contains("xmlns=\"http://www.w3.org/2000/svg\""))
            for asset in ["src=", "href=", "url(", "<script", "<link", "@import"] { #expect(!text.contains(asset), "\(asset)") }
            #expect(text.contains("Definitions") && text.contains("never rounded up"))
            #expect(try ledger.verify(against: Checkpoint.parse(from: text)).isIntact)
        }
    }
}
