/// Where a secret lives, as the configuration names it: a systemd credential, a root-only file, or
/// both (the credential wins when the daemon runs with `LoadCredential=`).
public struct SecretReference: Sendable, Hashable {
    /// `…-credential` — the name under `$CREDENTIALS_DIRECTORY`.
    public var credential: String?
    /// `…-file` — an absolute path, readable by its owner only.
    public var file: String?
    /// The dotted key family (`gateway.bhxh.password`) that problems name.
    public var key: String

    public init(credential: String?, file: String?, key: String) {
        self.credential = credential
        self.file = file
        self.key = key
    }
}

/// A resolved secret. Every textual and reflective form is redacted, so a configuration or error
/// dumped into a log by mistake leaks nothing. (A copy of EligibilityGateways' `Secret` rather than
/// a dependency on it: that module brings AsyncHTTPClient and NIO into the configuration.)
public struct SecretValue: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The value, for the single place that uses it.
    public let exposedValue: String

    public init(_ value: String) {
        exposedValue = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
