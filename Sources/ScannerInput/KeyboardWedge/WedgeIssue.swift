/// Why a keyboard-wedge payload cannot be trusted as exact. Each has a fixed wording that never
/// quotes scanned data, so it can travel in ``ScannedPayload/Fidelity/mangled(reason:)``.
enum WedgeIssue: String, Sendable, Hashable, CaseIterable, Comparable {
    case unknownKey = "key codes outside the US layout were dropped"
    case controlOrAltKey = "Ctrl or Alt combinations that are not Alt+numpad codes were dropped"
    case editingKey = "editing keys (Backspace, Delete, arrows) were dropped"
    case keyRepeat = "a held key auto-repeated, characters may be duplicated"
    case eventsDropped = "the kernel dropped key events (read too slowly), characters are missing"
    case invalidAltCode = "an Alt+numpad code named no character and became U+FFFD"
    case backslashSeparators = "field separators arrived as backslashes (keyboard layout or input method turned | into \\)"
    case questionMarks = "question marks stand where the scanner could not type a character"
    case vietnameseLettersMissing = "Vietnamese letters are missing: a keyboard wedge cannot type them"

    static func < (lhs: WedgeIssue, rhs: WedgeIssue) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// One reason string for a set of issues, in a fixed order.
    static func reason(for issues: Set<WedgeIssue>) -> String {
        issues.sorted().map(\.rawValue).joined(separator: "; ")
    }
}
