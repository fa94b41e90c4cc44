import Foundation

/// Everything `cccdd` reads from `/etc/cccdd/cccdd.toml`, with the documented default of every key.
///
/// ``defaults`` is exactly what the shipped `Config/cccdd.toml` says, so a key left out of the
/// file means what the shipped file documents. Secrets are not values here but
/// ``SecretReference``s: the file names where a secret lives, ``SecretSource`` fetches it.
public struct DaemonConfiguration: Sendable, Hashable {
    public var site = Site()
    public var scanners = Scanners()
    public var readers = Readers()
    public var chip = Chip()
    public var verification = Verification()
    public var gateway = Gateway()
    public var ledger = Ledger()
    public var recheck = Recheck()
    public var session = Session()
    public var http = HTTP()
    public var log = Log()

    public init() {}

    /// Every key at its documented default.
    public static let defaults = DaemonConfiguration()

    /// The path systemd's unit and `--check-config` use when given none.
    public static let defaultPath = "/etc/cccdd/cccdd.toml"

    /// Which rules apply beyond the schema.
    public enum Purpose: Sendable, Hashable {
        /// A real kiosk: the facility code, the BHXH account and the staff identity must be filled
        /// in (the shipped file leaves them blank on purpose).
        case production
        /// `cccdd --demo` and tests: blanks are allowed, everything else is checked the same.
        case demo
    }

    /// Reads and validates the file at `path`.
    public static func load(path: String, purpose: Purpose = .production) throws(ConfigurationProblems) -> DaemonConfiguration {
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let text: String
        do throws(ConfigurationProblem) {
            text = try ConfigurationText.read(path: path)
        } catch {
            throw ConfigurationProblems(fileName: fileName, problems: [error])
        }
        return try parse(text, fileName: fileName, purpose: purpose)
    }

    /// Validates TOML `text`, collecting every problem before throwing them together.
    public static func parse(_ text: String, fileName: String = "cccdd.toml",
                             purpose: Purpose = .production) throws(ConfigurationProblems) -> DaemonConfiguration {
        let (configuration, problems) = ConfigurationDecoder.decode(text, purpose: purpose)
        guard problems.isEmpty else { throw ConfigurationProblems(fileName: fileName, problems: problems) }
        return configuration
    }
}
