import BHXHSimulator
import Foundation

/// The daemon's captured output (every incarnation) searched for what must never be logged: the
/// invented people's names, ID numbers, card codes, BHXH numbers and birth dates, and the secrets
/// (the BHXH password and its MD5, the site key, the kiosk session tokens, the gateway tokens the
/// simulator issued).
struct LogScan {
    /// The kind of each forbidden string found, e.g. "a holder's name" — never the string itself.
    var findings: [String: Int] = [:]
    var bytesScanned = 0
    var stringsChecked = 0
    /// Lines at warning or worse (`<0>`…`<4>`), by priority and message (metadata cut off).
    var problems: [String: Int] = [:]

    init(logs: [URL], scenario: Scenario, secrets: [String: [String]]) {
        var forbidden: [(String, String)] = []
        for card in scenario.cards {
            forbidden.append(("a holder's name", card.hoTen))
            forbidden += [card.cccd, card.maThe, card.maSoBHXH].compactMap { $0 }.filter { !$0.isEmpty }.map { ("an ID or card number", $0) }
            forbidden.append(("a birth date", card.ngaySinh))
        }
        for (kind, values) in secrets {
            forbidden += values.filter { $0.count >= 8 }.map { (kind, $0) }
        }
        stringsChecked = forbidden.count
        for log in logs {
            guard let text = try? String(contentsOf: log, encoding: .utf8) else { continue }
            bytesScanned += text.utf8.count
            for line in text.split(separator: "\n") where line.count > 3 && line.first == "<" && ("0"..."4").contains(line.dropFirst().prefix(1)) {
                problems[Self.message(line), default: 0] += 1
            }
            for (kind, value) in forbidden where text.contains(value) {
                findings[kind, default: 0] += 1
            }
        }
    }

    /// `<4>cccdd: presentation problem stage=chip code=…` → `<4> presentation problem`.
    private static func message(_ line: Substring) -> String {
        let priority = line.prefix(3)
        let text = line.split(separator: ": ", maxSplits: 1).last ?? ""
        let cut = text.firstRange(of: /\s[A-Za-z_.-]+=/)?.lowerBound ?? text.endIndex
        return "\(priority) \(text[..<cut])"
    }
}
