import Eligibility
import Foundation

/// Realistic synthetic presentations for demos, benchmarks and tests: invented people only.
///
/// The mix follows the province figures of spec bhxh-gateway.md §7: about 63% of check-ins by
/// CCCD (Bắc Kạn 62.66%), about 86% of lookups retrieving the card (Bắc Giang 85.37%), failures
/// spread over the §4 codes, ~90% of chips authentic. Working hours 07:00–17:00 at the facility,
/// `perDay` presentations a day across three facilities and four kiosks each; half the transient
/// lookups are followed by a linked re-check.
public struct SamplePresentations: Sendable {
    private var random: SplitMix
    private var instant: Int64
    private let clock: FacilityClock
    private let spacing: Int64
    private let pseudonymizer: SubjectPseudonymizer

    /// `startDay` is the first facility-local day (`YYYY-MM-DD`).
    public init(seed: UInt64, startDay: String = "2024-02-01", perDay: Int = 2000, clock: FacilityClock = .vietnam) throws(LedgerError) {
        guard let days = FacilityClock.days(of: startDay), perDay > 0 else { throw LedgerError(.invalidDate, diagnostic: startDay) }
        random = SplitMix(state: seed)
        self.clock = clock
        // 07:00 local on the first day.
        instant = (days * 86_400 + 7 * 3600 - clock.offsetSeconds) * 1000
        spacing = 10 * 3600 * 1000 / Int64(perDay)
        var secret = Data()
        for _ in 0..<4 { withUnsafeBytes(of: seed &+ 0x5EED) { secret.append(contentsOf: $0) } }
        pseudonymizer = try SubjectPseudonymizer(secret: secret)
    }

    /// The next presentation; a re-check of `previous` when it ended transient and the dice say so.
    public mutating func next(after previous: LedgerRecord?) -> Presentation {
        advanceClock()
        if let previous, previous.resultClass == EligibilityClass.transient.rawValue, previous.recheckOf == 0, roll(2) == 0 {
            let outcome: EligibilityClass = roll(10) < 8 ? .eligible : .transient
            return Presentation(
                instantMilliseconds: instant, facility: previous.facility, kiosk: previous.kiosk,
                source: InputSource(rawValue: previous.source) ?? .manual, chipVerdict: .notRead,
                gatewayAdapter: "bhxh-egw", outcome: outcome, resultCode: outcome == .eligible ? "000" : "101",
                gatewayCalls: 1, latencyMilliseconds: latency(for: outcome),
                subject: previous.subject.isEmpty ? nil : SubjectPseudonym(hex: previous.subject), recheckOf: previous.sequence)
        }
        let source = pick([(.chip, 40), (.cccdQr, 15), (.vneidQr, 8), (.bhytQr, 30), (.manual, 7)] as [(InputSource, Int)])
        let verdict: ChipVerdict = source == .chip
            ? pick([(.authentic, 90), (.authenticUnchained, 7), (.suspicious, 2), (.invalid, 1)]) : .notRead
        let outcome = pick([(.eligible, 780), (.eligibleCheckDocuments, 10), (.notEligible, 70), (.notFound, 45),
                            (.demographicMismatch, 30), (.badInput, 10), (.configurationError, 5), (.transient, 35),
                            (.manualReview, 5), (.skipped, 10)] as [(EligibilityClass, Int)])
        let facility = ["24001", "24002", "24017"][Int(roll(3))]
        // A pool of 50,000 invented ID numbers (prefix 999, not a province code) so visits repeat.
        let person = String(format: "999%09d", roll(50_000))
        return Presentation(
            instantMilliseconds: instant, facility: facility, kiosk: "kiosk-\(roll(4) + 1)", source: source,
            chipVerdict: verdict, failedChecks: verdict == .suspicious ? ["chipAuthentication"] : verdict == .invalid ? ["passiveAuthentication"] : [],
            gatewayAdapter: outcome == .skipped ? "offline" : "bhxh-egw", outcome: outcome, resultCode: code(for: outcome),
            gatewayCalls: outcome == .skipped ? 0 : outcome == .transient ? 2 : 1,
            latencyMilliseconds: latency(for: outcome), subject: pseudonymizer.pseudonym(of: person))
    }

    private mutating func advanceClock() {
        instant += spacing / 2 + Int64(roll(UInt64(max(1, spacing))))
        // After 17:00 local, jump to 07:00 the next day.
        let localSeconds = instant / 1000 + clock.offsetSeconds
        if localSeconds % 86_400 >= 17 * 3600 {
            instant = ((localSeconds / 86_400 + 1) * 86_400 + 7 * 3600 - clock.offsetSeconds) * 1000
        }
    }

    private mutating func code(for outcome: EligibilityClass) -> String? {
        switch outcome {
        case .eligible: roll(20) == 0 ? "004" : "000"
        case .eligibleCheckDocuments: roll(2) == 0 ? "001" : "002"
        case .notEligible: ["010", "110", "120", "121", "122", "123", "124"][Int(roll(7))]
        case .notFound: "050"
        case .demographicMismatch: ["060", "061", "070"][Int(roll(3))]
        case .badInput: ["051", "052", "053", "205"][Int(roll(4))]
        case .configurationError: ["054", "055", "401"][Int(roll(3))]
        case .transient: [nil, "100", "101", "500"][Int(roll(4))]
        case .manualReview: "130"
        case .skipped: nil
        }
    }

    private mutating func latency(for outcome: EligibilityClass) -> Int64 {
        switch outcome {
        case .skipped: 0
        case .transient: 5000 + Int64(roll(5000))
        default: 120 + Int64(roll(300)) + (roll(20) == 0 ? Int64(roll(2500)) : 0)
        }
    }

    private mutating func roll(_ bound: UInt64) -> UInt64 { random.next() % bound }

    private mutating func pick<T>(_ weighted: [(T, Int)]) -> T {
        var ticket = Int(roll(UInt64(weighted.reduce(0) { $0 + $1.1 })))
        for (value, weight) in weighted {
            if ticket < weight { return value }
            ticket -= weight
        }
        return weighted[weighted.count - 1].0
    }
}

/// SplitMix64: reproducible samples from a seed. Not for anything secret.
private struct SplitMix: Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
