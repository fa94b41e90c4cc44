/// Something that reads a chip on a named reader: PC/SC in production, the in-process virtual
/// chip in tests and the demo when pcscd is absent.
///
/// The daemon's pipeline depends on this protocol, never on pcsc-lite, so the hardware stays
/// replaceable and the pipeline testable without it.
public protocol ChipTerminal: Sendable {
    /// Opens the card on `reader` with `credentials` and reads it per `plan` (see
    /// ``ChipSession/read(over:credentials:plan:policy:timeout:progress:)``); the terminal picks
    /// the read policy its reader allows.
    func readChip(
        on reader: String, credentials: ChipCredentials, plan: ReadPlan, timeout: Duration, progress: ReadProgressHandler?
    ) async throws -> ChipReadResult
}
