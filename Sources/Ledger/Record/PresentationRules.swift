/// What the ledger accepts: short printable identifiers, no separators inside list items, no
/// negative counts. A presentation that breaks a rule is refused whole, never half-stored.
enum PresentationRules {
    static func validate(_ presentation: Presentation) throws(LedgerError) {
        for (name, value) in [("facility", presentation.facility), ("kiosk", presentation.kiosk),
                              ("gatewayAdapter", presentation.gatewayAdapter)] {
            guard isIdentifier(value, allowEmpty: false) else { throw LedgerError(.invalidPresentation, diagnostic: name) }
        }
        guard isIdentifier(presentation.resultCode ?? "", allowEmpty: true) else {
            throw LedgerError(.invalidPresentation, diagnostic: "resultCode")
        }
        for check in presentation.failedChecks where !isIdentifier(check, allowEmpty: false) || check.contains(",") {
            throw LedgerError(.invalidPresentation, diagnostic: "failedChecks")
        }
        guard presentation.gatewayCalls >= 0, presentation.latencyMilliseconds >= 0, presentation.instantMilliseconds >= 0 else {
            throw LedgerError(.invalidPresentation, diagnostic: "negative count, latency or instant")
        }
    }

    /// 1–64 printable ASCII characters without spaces (codes, ids, adapter names).
    static func isIdentifier(_ value: String, allowEmpty: Bool) -> Bool {
        if value.isEmpty { return allowEmpty }
        return value.utf8.count <= 64 && value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
