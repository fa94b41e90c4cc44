public import Eligibility

/// One patient at one kiosk, as the daemon hands it to ``Ledger/append(_:)``.
///
/// It carries the identity only as ``subject`` (already pseudonymised by ``SubjectPseudonymizer``),
/// so no code path inside the ledger ever holds an ID number.
public struct Presentation: Sendable, Hashable {
    /// When the presentation happened, UTC milliseconds since 1970.
    public var instantMilliseconds: Int64
    /// The facility's BHXH code (`maCSKCB`), e.g. `24001`.
    public var facility: String
    public var kiosk: String
    public var source: InputSource
    public var chipVerdict: ChipVerdict
    /// Names of the chip checks that failed (`passiveAuthentication`, `chipAuthentication`…).
    public var failedChecks: [String]
    /// Which gateway adapter produced the result (`bhxh-egw`, `his-proxy`, `offline`).
    public var gatewayAdapter: String
    public var outcome: EligibilityClass
    /// The gateway's raw result code (`maKetQua`), nil when no answer arrived.
    public var resultCode: String?
    public var gatewayCalls: Int
    public var latencyMilliseconds: Int64
    /// The keyed pseudonym of the ID number, nil when the identity was not known.
    public var subject: SubjectPseudonym?
    /// The sequence number of the presentation this record re-checks; nil for a first lookup.
    public var recheckOf: Int64?

    public init(
        instantMilliseconds: Int64, facility: String, kiosk: String, source: InputSource,
        chipVerdict: ChipVerdict, failedChecks: [String] = [], gatewayAdapter: String,
        outcome: EligibilityClass, resultCode: String?, gatewayCalls: Int, latencyMilliseconds: Int64,
        subject: SubjectPseudonym?, recheckOf: Int64? = nil
    ) {
        self.instantMilliseconds = instantMilliseconds
        self.facility = facility
        self.kiosk = kiosk
        self.source = source
        self.chipVerdict = chipVerdict
        self.failedChecks = failedChecks
        self.gatewayAdapter = gatewayAdapter
        self.outcome = outcome
        self.resultCode = resultCode
        self.gatewayCalls = gatewayCalls
        self.latencyMilliseconds = latencyMilliseconds
        self.subject = subject
        self.recheckOf = recheckOf
    }

    /// A presentation from the gateway's answer: class, raw code, adapter, call count and latency
    /// come from `result`, so the daemon cannot record them inconsistently.
    public init(
        result: EligibilityResult, instantMilliseconds: Int64, facility: String, kiosk: String,
        source: InputSource, chipVerdict: ChipVerdict, failedChecks: [String] = [],
        subject: SubjectPseudonym?, recheckOf: Int64? = nil
    ) {
        let (seconds, attoseconds) = result.latency.components
        self.init(
            instantMilliseconds: instantMilliseconds, facility: facility, kiosk: kiosk, source: source,
            chipVerdict: chipVerdict, failedChecks: failedChecks, gatewayAdapter: result.source,
            outcome: result.outcome, resultCode: result.resultCode, gatewayCalls: result.gatewayCalls,
            latencyMilliseconds: seconds * 1000 + attoseconds / 1_000_000_000_000_000,
            subject: subject, recheckOf: recheckOf
        )
    }
}
