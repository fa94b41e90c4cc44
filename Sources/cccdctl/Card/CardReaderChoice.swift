import ChipProtocol
import SmartCardReader

/// Which reader to read: the one `--reader` names (exactly, else the only one whose name contains
/// it), or else the first reader holding a card.
struct CardReaderChoice {
    let requested: String?

    /// The reader's name. `.noReader` when none matches; ``CardReadProblem/Reason/noCard`` when
    /// the chosen reader (or every reader) is empty.
    func pick(from readers: [ReaderStatus]) throws -> String {
        guard !readers.isEmpty else { throw SmartCardError(.noReader, diagnostic: "pcscd lists no readers") }
        guard let requested else {
            guard let withCard = readers.first(where: \.cardPresent) else {
                throw CardReadProblem(.noCard, diagnostic: "\(readers.count) reader(s), none with a card")
            }
            return withCard.name
        }
        let exact = readers.first { $0.name == requested }
        let partial = readers.filter { $0.name.localizedCaseInsensitiveContains(requested) }
        guard let reader = exact ?? (partial.count == 1 ? partial.first : nil) else {
            let why = partial.isEmpty ? "no reader named \"\(requested)\"" : "\"\(requested)\" matches \(partial.count) readers"
            throw SmartCardError(.noReader, diagnostic: why)
        }
        guard reader.cardPresent else { throw CardReadProblem(.noCard, diagnostic: reader.name) }
        return reader.name
    }
}
