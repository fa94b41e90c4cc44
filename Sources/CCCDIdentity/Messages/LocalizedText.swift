/// A message shown to people, in the two languages every user-facing text of the product has.
///
/// Vietnamese comes first because reception staff and patients read it; English serves
/// sysadmins, auditors and logs. Both must say the same thing.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}

/// The languages the kiosk page, the CLI and error messages are written in.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case vi
    case en
}
