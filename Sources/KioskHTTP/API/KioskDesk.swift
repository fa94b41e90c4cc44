public import CCCDIdentity
public import KioskPipeline
public import LDS

/// What the API reads and drives: the daemon's pipeline and status board behind one protocol, so
/// the HTTP layer knows nothing of readers, gateways or the ledger.
public protocol KioskDesk: Sendable {
    func session() async -> SessionView
    func photo() async -> FaceImage?
    func handle(_ input: PresentationInput) async
    func status() async -> StatusView
}

/// The demo's control (`cccdd --demo` only): sample patients presented on demand. Absent from a
/// production daemon, so its routes do not exist there.
public protocol DemoControl: Sendable {
    func patients() -> [DemoPatient]
    func present(_ patientID: String) async throws
}

public struct DemoPatient: Sendable, Hashable, Codable {
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}
