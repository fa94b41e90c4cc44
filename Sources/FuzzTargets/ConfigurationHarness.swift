import KioskConfiguration

/// The daemon's TOML file: the screening TOMLKit must not see (NUL, key-less headers, braces in
/// arrays, deep nesting — each a toml++ abort found by fuzzing), TOMLKit/toml++ itself, the key
/// line index, and every section's validation with its problem list.
enum ConfigurationHarness {
    static func run(_ data: [UInt8]) {
        // The loader reads the file as UTF-8 and refuses anything else before parsing.
        guard let text = String(validating: data, as: UTF8.self) else { return }
        do {
            let configuration = try DaemonConfiguration.parse(text, purpose: .demo)
            _ = configuration.http
        } catch {
            invariant(!error.problems.isEmpty, "a refused configuration names no problem")
            for problem in error.problems { _ = problem.message }
        }
    }
}
