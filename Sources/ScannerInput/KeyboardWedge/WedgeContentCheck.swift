/// Looks at what a wedge typed for the tell-tale damage of a CCCD QR payload (cccd.md §1).
///
/// A CCCD payload is `12 digits|old ID|name|DDMMYYYY|Nam or Nữ|address|issue date…`. Typed
/// through a keyboard wedge, the digits survive but the Vietnamese letters cannot be typed as key
/// codes: they vanish, turn into `?`, or arrive unaccented; an input method may turn `|` into `\`.
/// Only CCCD-shaped text is judged, so a URL with a `?` or a BHYT card code is left alone.
enum WedgeContentCheck {
    static func issues(in text: String) -> Set<WedgeIssue> {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 13, scalars[0..<12].allSatisfy({ ("0"..."9").contains($0) }) else { return [] }
        let separator = scalars[12]
        guard separator == "|" || separator == "\\" else { return [] }
        var issues: Set<WedgeIssue> = []
        if separator == "\\" { issues.insert(.backslashSeparators) }
        if text.contains("?") { issues.insert(.questionMarks) }
        let fields = text.split(separator: Character(separator), omittingEmptySubsequences: false)
        let sexIsWellFormed = fields.count > 4 && (fields[4] == "Nam" || fields[4] == "Nữ")
        // Every real name or address field carries diacritics ("Phường", "Xã", "Hà Nội"):
        // a CCCD payload in pure ASCII has lost its letters.
        if !sexIsWellFormed || scalars.allSatisfy(\.isASCII) { issues.insert(.vietnameseLettersMissing) }
        return issues
    }
}
