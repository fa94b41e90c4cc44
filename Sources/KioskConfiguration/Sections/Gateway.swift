public import Foundation

extension DaemonConfiguration {
    /// `[gateway]` — how eligibility is looked up.
    public struct Gateway: Sendable, Hashable {
        public enum Adapter: String, Sendable, Hashable, CaseIterable {
            case bhxh, his, offline
        }

        /// `chain` — adapters in order, each later one answering only when the earlier could not;
        /// no duplicates, `offline` only last. Default `["bhxh", "offline"]`.
        public var chain: [Adapter] = [.bhxh, .offline]
        /// `cache-window-seconds` — a repeated lookup within this window reuses the answer; 0…3600, default 120.
        public var cacheWindow: Duration = .seconds(120)
        /// `failure-threshold` — consecutive failures that open an adapter's circuit breaker; 1…100, default 5.
        public var failureThreshold = 5
        /// `open-seconds` — how long an open breaker stays open; 1…3600, default 30.
        public var openDuration: Duration = .seconds(30)
        /// `[gateway.bhxh]` — required (in production) when ``chain`` contains `bhxh`.
        public var bhxh = BHXH()
        /// `[gateway.his]` — required when ``chain`` contains `his`; nil when the file has none.
        public var his: HIS?

        public init() {}

        /// `[gateway.bhxh]` — the facility's account on BHXH's egw gateway.
        public struct BHXH: Sendable, Hashable {
            /// `base-url` — default production `https://egw.baohiemxahoi.gov.vn`. Plain `http` only for a
            /// loopback host (the simulator): the password and patients' data must not cross a network unencrypted.
            public var baseURL = URL(string: "https://egw.baohiemxahoi.gov.vn")!
            /// `username` — usually `<maCSKCB>_BV`; required in production, default blank.
            public var username = ""
            /// `password-credential` (default `"bhxh-password"`) or `password-file`.
            public var password = SecretReference(credential: "bhxh-password", file: nil, key: "gateway.bhxh.password")
            /// `staff-name` — the staff member every lookup names; required in production, default blank.
            public var staffName = ""
            /// `staff-id` — that staff member's 12-digit CCCD number; required in production, default blank.
            public var staffID = ""
            /// `request-timeout-seconds` — per lookup; 1…120, default 15.
            public var requestTimeout: Duration = .seconds(15)

            public init() {}
        }

        /// `[gateway.his]` — the facility's own HIS, asked in the Đề án 06 kiosk style.
        public struct HIS: Sendable, Hashable {
            /// `base-url` — required; `http` or `https` (a HIS usually sits on the hospital's LAN).
            public var baseURL: URL
            /// `path` — appended to the base URL; default `"bhyt"`.
            public var path = "bhyt"
            /// `request-timeout-seconds` — 1…120, default 15.
            public var requestTimeout: Duration = .seconds(15)
            /// `[gateway.his.fields]` — answer field name → dotted path in the HIS's JSON
            /// (`cardCode = "data.maThe"`); names are those of ``fieldNames``, absent ones keep BHXH's names.
            public var fields: [String: String] = [:]
            /// `[gateway.his.signing]` — present when the HIS wants HMAC-signed requests.
            public var signing: Signing?

            public init(baseURL: URL) {
                self.baseURL = baseURL
            }

            /// The answer fields a HIS mapping may name (EligibilityGateways' `AnswerFieldMapping`).
            public static let fieldNames = [
                "resultCode", "note", "cardCode", "validFrom", "validThrough", "registeredFacility", "area",
                "fiveYearsContinuousFrom", "socialInsuranceNumber", "previousCardCode", "newCardCode",
                "newValidFrom", "newValidThrough", "newRegisteredFacility",
            ]

            public struct Signing: Sendable, Hashable {
                /// `merchant-id` — required.
                public var merchantID: String
                /// `secret-credential` (default `"his-signing-secret"`) or `secret-file`.
                public var secret = SecretReference(credential: "his-signing-secret", file: nil,
                                                    key: "gateway.his.signing.secret")

                public init(merchantID: String) {
                    self.merchantID = merchantID
                }
            }
        }
    }
}
