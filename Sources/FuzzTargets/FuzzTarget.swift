/// Every parser of untrusted input, as a libFuzzer target (`make fuzz`, Fuzz/README.md).
///
/// Each case feeds its bytes to the product's own code, the way the input arrives in production
/// (a scanner's bytes, a chip's files and responses, a gateway's answer, a config file, an HTTP
/// request). A target must return for every input: errors the product throws are the expected
/// outcome of bad input. A harness stops the process (`FuzzFailure`) only when an invariant the
/// product promises is broken — a value that does not survive its own encoding, a state change
/// reached without the token — so the fuzzer finds logic bugs, not only crashes.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case qrPayload = "qr-payload"
    case keyboardWedge = "keyboard-wedge"
    case hidPOS = "hid-pos"
    case berTLV = "ber-tlv"
    case dg1MRZ = "dg1-mrz"
    case dg13
    case securityInfos = "security-infos"
    case sodPassiveAuthentication = "sod-pa"
    case secureMessaging = "secure-messaging"
    case chipSession = "chip-session"
    case bhxhAnswer = "bhxh-answer"
    case tomlConfiguration = "toml-config"
    case kioskHTTP = "kiosk-http"

    /// Feeds `data` to the product code this target covers.
    public func run(_ data: [UInt8]) {
        switch self {
        case .qrPayload: QRPayloadHarness.run(data)
        case .keyboardWedge: KeyboardWedgeHarness.run(data)
        case .hidPOS: HIDPOSHarness.run(data)
        case .berTLV: BERTLVHarness.run(data)
        case .dg1MRZ: MRZHarness.run(data)
        case .dg13: DG13Harness.run(data)
        case .securityInfos: SecurityInfosHarness.run(data)
        case .sodPassiveAuthentication: PassiveAuthenticationHarness.run(data)
        case .secureMessaging: SecureMessagingHarness.run(data)
        case .chipSession: ChipSessionHarness.run(data)
        case .bhxhAnswer: BHXHAnswerHarness.run(data)
        case .tomlConfiguration: ConfigurationHarness.run(data)
        case .kioskHTTP: KioskHTTPHarness.run(data)
        }
    }

    /// Builds whatever the target needs once (keys, a trust store, servers), so that the first
    /// fuzzed input is not charged for it and libFuzzer's per-input timing stays meaningful.
    public func prepare() {
        switch self {
        case .sodPassiveAuthentication: _ = PassiveAuthenticationHarness.authenticator
        case .secureMessaging: _ = SecureMessagingHarness.keys
        case .chipSession: _ = ChipSessionHarness.chips
        case .bhxhAnswer: _ = BHXHAnswerHarness.server
        case .kioskHTTP: _ = KioskHTTPHarness.fixture
        default: break
        }
    }
}
