public import Foundation

/// How to ask the facility's own HIS for eligibility, in the Đề án 06 kiosk style:
/// `GET {base}/bhyt?SO_GTTT=<id>&LOAI_GTTT=CCCD&NGAY_SINH=…`. HIS vendors differ in names and
/// shapes [?], so every parameter name, value and answer field is configurable.
public struct HISProxyConfiguration: Sendable {
    public var baseURL: URL
    /// Appended to `baseURL`.
    public var path: String
    public var parameters: Parameters
    /// Where the answer's fields are found (defaults: BHXH names at the top level, i.e. a HIS that
    /// passes BHXH's answer through).
    public var fields: AnswerFieldMapping
    /// Present when the HIS wants signed requests (`x-merchant-id`, `x-timestamp`, `x-sign`).
    public var signing: RequestSigning?
    public var requestTimeout: Duration
    public var retryDelay: Duration

    public init(baseURL: URL, path: String = "bhyt", parameters: Parameters = Parameters(),
                fields: AnswerFieldMapping = AnswerFieldMapping(), signing: RequestSigning? = nil,
                requestTimeout: Duration = .seconds(15), retryDelay: Duration = .milliseconds(250)) {
        self.baseURL = baseURL
        self.path = path
        self.parameters = parameters
        self.fields = fields
        self.signing = signing
        self.requestTimeout = requestTimeout
        self.retryDelay = retryDelay
    }

    /// Query parameter names and the values that name the kind of identifier.
    public struct Parameters: Sendable, Hashable {
        public var identifier = "SO_GTTT"
        public var identifierType = "LOAI_GTTT"
        public var personalIDType = "CCCD"
        public var cardType = "BHYT"
        public var birthDate = "NGAY_SINH"
        public var birthDateFormat = BirthDateFormat.slashedDMY
        /// Nil when the HIS does not take the name (it usually looks the person up itself).
        public var fullName: String? = "HO_TEN"

        public init() {}
    }

    public enum BirthDateFormat: String, Sendable, Hashable, CaseIterable {
        /// `dd/MM/yyyy`
        case slashedDMY
        /// `yyyyMMdd`
        case compactYMD
        /// `yyyy-MM-dd`
        case iso8601
    }
}

/// The shared secret of a HIS that authenticates callers by HMAC.
public struct RequestSigning: Sendable {
    public var merchantID: String
    public var secret: Secret

    public init(merchantID: String, secret: Secret) {
        self.merchantID = merchantID
        self.secret = secret
    }
}
