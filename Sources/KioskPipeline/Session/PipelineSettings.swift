public import CardVerification
public import CCCDIdentity
public import ChipProtocol
public import Eligibility
public import Ledger

/// How the coordinator runs, from the daemon's configuration; replaced whole on SIGHUP.
public struct PipelineSettings: Sendable {
    /// The facility's BHXH code (`maCSKCB`) and this kiosk's name, as the ledger records them.
    public var facility: String
    public var kiosk: String
    /// How long a QR waits for its card (and a tapped card for its QR) before going on alone.
    public var joinWindow: Duration
    /// How long a finished presentation stays on screen before its data is dropped.
    public var hold: Duration
    public var readPlan: ReadPlan
    public var readTimeout: Duration
    public var clock: FacilityClock

    public init(facility: String, kiosk: String, joinWindow: Duration = .seconds(20), hold: Duration = .seconds(60),
                readPlan: ReadPlan = .standard, readTimeout: Duration = .seconds(30), clock: FacilityClock = .vietnam) {
        self.facility = facility
        self.kiosk = kiosk
        self.joinWindow = joinWindow
        self.hold = hold
        self.readPlan = readPlan
        self.readTimeout = readTimeout
        self.clock = clock
    }
}

/// Verifies one chip read, optionally against the QR presented with it, on the visit date.
public typealias CardVerifying = @Sendable (ChipReadResult, CitizenQR?, CivilDate) -> CardVerdict

/// The replaceable parts the coordinator drives (hardware, trust, gateway, ledger).
public struct PipelineComponents: Sendable {
    public var terminal: any ChipTerminal
    public var verify: CardVerifying
    public var gateway: any EligibilityGateway
    public var recorder: any PresentationRecording
    public var rechecks: (any RecheckScheduling)?

    public init(terminal: any ChipTerminal, verify: @escaping CardVerifying, gateway: any EligibilityGateway,
                recorder: any PresentationRecording, rechecks: (any RecheckScheduling)? = nil) {
        self.terminal = terminal
        self.verify = verify
        self.gateway = gateway
        self.recorder = recorder
        self.rechecks = rechecks
    }
}
