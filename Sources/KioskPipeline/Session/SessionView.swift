public import CardVerification
public import CCCDIdentity

/// The current presentation as the kiosk page shows it (`GET /api/v1/session`, every event).
///
/// It holds personal data (name, date of birth) for the person standing at the desk, and only
/// while the session lasts; the ID number is masked before it gets here. Never logged.
public struct SessionView: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case idle, waitingForCard, waitingForQR, reading, verifying, lookingUp, done, failed
    }

    /// The chip read's progress: bytes of the file being read, and the whole read as a fraction
    /// (files done plus this file's share), which only grows.
    public struct Progress: Sendable, Hashable, Codable {
        public var bytesRead: Int
        public var bytesExpected: Int
        public var fileIndex: Int
        public var fileCount: Int
        public var fraction: Double

        public init(bytesRead: Int = 0, bytesExpected: Int = 0, fileIndex: Int = 0, fileCount: Int = 1, fraction: Double = 0) {
            self.bytesRead = bytesRead
            self.bytesExpected = bytesExpected
            self.fileIndex = fileIndex
            self.fileCount = fileCount
            self.fraction = fraction
        }
    }

    public struct Holder: Sendable, Hashable, Codable {
        public var fullName: String
        public var dateOfBirth: String?
        public var sex: String?
        /// First and last four digits only (`0011****6789`); nil for a BHYT card alone.
        public var idMasked: String?
        public var hasPhoto: Bool
    }

    public struct ErrorView: Sendable, Hashable, Codable {
        public var code: String
        public var message: LocalizedText
    }

    public var id: String
    public var state: State
    public var startedAt: String?
    public var clearsAt: String?
    public var source: String?
    public var progress: Progress?
    public var holder: Holder?
    public var verdict: CardVerdict?
    public var eligibility: EligibilityView?
    public var nextStep: LocalizedText?
    public var error: ErrorView?

    public static let idle = SessionView(id: "idle", state: .idle)

    public init(id: String, state: State) {
        self.id = id
        self.state = state
    }
}
