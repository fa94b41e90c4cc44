import CCCDIdentity

/// Collects every problem of one parse, each placed at its key's line through the key index.
///
/// A class so the nested section readers can all add to the one list without threading `inout`
/// through every decoder; it lives only for one parse on one thread.
final class ProblemLog {
    private let index: KeyLineIndex
    private(set) var problems: [ConfigurationProblem] = []

    init(index: KeyLineIndex) {
        self.index = index
    }

    func report(_ kind: ConfigurationProblem.Kind, at key: ConfigKey, _ message: LocalizedText,
                diagnostic: String? = nil) {
        let position = index.nearestPosition(of: key)
        problems.append(ConfigurationProblem(kind, key: key.description, line: position?.line,
                                             column: position?.column, message: message, diagnostic: diagnostic))
    }

    func append(_ problem: ConfigurationProblem) {
        problems.append(problem)
    }
}
