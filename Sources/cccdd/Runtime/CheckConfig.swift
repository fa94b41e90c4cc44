import Foundation
import KioskConfiguration

/// `cccdd --check-config`: the file and every secret it names, each problem on its own line
/// (`cccdd.toml:12: gateway.bhxh.staff-id: …`), as an admin fixes them before a restart.
enum CheckConfig {
    static func run(path: String) -> Int32 {
        do {
            let configuration = try DaemonConfiguration.load(path: path)
            _ = try ResolvedSecrets.resolve(for: configuration, from: SecretSource(), configPath: path)
            print("\(path): valid")
            return 0
        } catch {
            StandardError.write(error.rendered())
            return DaemonExit.configuration
        }
    }
}
