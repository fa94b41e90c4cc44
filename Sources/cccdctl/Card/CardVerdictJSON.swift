import CCCDIdentity
import CardVerification

/// The `verdict` object of `card read --json` and `card verify --json`: the kind, each reason
/// (code and both languages), the names of the failed checks and every check.
struct CardVerdictJSON: Encodable {
    let kind: String
    let reasons: [ReasonJSON]
    let failedChecks: [String]
    let checks: [CheckJSON]

    init(_ verdict: CardVerdict) {
        kind = verdict.kind.rawValue
        reasons = verdict.reasons.map { ReasonJSON(code: $0.code, vi: $0.message.vi, en: $0.message.en) }
        failedChecks = verdict.failedCheckNames
        checks = verdict.checks.map(CheckJSON.init)
    }

    struct ReasonJSON: Encodable {
        let code: String
        let vi: String
        let en: String
    }
}

/// One check as JSON; `detail` is `null` when absent.
struct CheckJSON: Encodable {
    let name: String
    let status: String
    let detail: Nullable<String>

    init(_ check: VerificationCheck) {
        name = check.name
        status = check.status.rawValue
        detail = Nullable(check.detail)
    }
}

/// The text form: the verdict, its reasons, then the checks Passive Authentication's lines do
/// not already show.
enum CardVerdictText {
    static func render(_ verdict: CardVerdict, in language: Language, skipping shown: Set<String> = []) -> String {
        var lines = ["Verdict: \(verdict.kind.rawValue)"]
        lines += verdict.reasons.map { "  - \($0.message[language]) [\($0.code)]" }
        for check in verdict.checks where !shown.contains(check.name) {
            lines.append(line(check))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ check: VerificationCheck) -> String {
        let status = check.status.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
        return "  \(status)\(check.name)\(check.detail.map { ": \($0)" } ?? "")"
    }
}
