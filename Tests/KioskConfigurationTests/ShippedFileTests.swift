import Foundation
import KioskConfiguration
import Testing

@Suite("The shipped Config/cccdd.toml")
struct ShippedFileTests {
    @Test("It loads without problems and says exactly what the documented defaults say")
    func loadsAsDefaults() throws {
        let configuration = try DaemonConfiguration.load(path: Fixtures.shippedPath, purpose: .demo)
        #expect(configuration == DaemonConfiguration.defaults)
    }

    @Test("An empty file means the same defaults (every key is optional)")
    func emptyFileIsDefaults() throws {
        #expect(try DaemonConfiguration.parse("", purpose: .demo) == DaemonConfiguration.defaults)
    }

    @Test("In production it asks for exactly the four REQUIRED keys, each at its line")
    func productionNeedsPlaceholdersFilled() {
        let text = Fixtures.shippedText
        let problems = Fixtures.problems(text, purpose: .production)
        let expected: [(key: String, prefix: String)] = [
            ("site.facility", "facility ="), ("gateway.bhxh.username", "username ="),
            ("gateway.bhxh.staff-name", "staff-name ="), ("gateway.bhxh.staff-id", "staff-id ="),
        ]
        #expect(problems.map(\.key) == expected.map(\.key))
        #expect(problems.allSatisfy { $0.code == "config.missing" })
        #expect(problems.map(\.line) == expected.map { Fixtures.line(of: $0.prefix, in: text) })
        // The marker in the file says the same as the daemon.
        for (key, prefix) in expected {
            guard let line = Fixtures.line(of: prefix, in: text) else { Issue.record("no \(key)"); continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[line - 2].contains("REQUIRED"), "the comment above \(key) marks it REQUIRED")
        }
    }

    @Test("Filled in, it loads in production with those values")
    func filledInLoads() throws {
        let configuration = try DaemonConfiguration.parse(Fixtures.productionText, purpose: .production)
        #expect(configuration.site.facility == "01001")
        #expect(configuration.gateway.bhxh.staffID == "001099000123")
        #expect(configuration.gateway.bhxh.username == "01001_BV")
    }

    @Test("An offline-only chain needs no BHXH account: the blank [gateway.bhxh] of the shipped file is not a problem")
    func offlineOnlyNeedsNoAccount() throws {
        let text = Fixtures.shippedText
            .replacingOccurrences(of: "facility = \"00000\"", with: "facility = \"01001\"")
            .replacingOccurrences(of: "chain = [\"bhxh\", \"offline\"]", with: "chain = [\"offline\"]")
        #expect(text.contains("chain = [\"offline\"]"))
        let configuration = try DaemonConfiguration.parse(text, purpose: .production)
        #expect(configuration.gateway.chain == [.offline])
        #expect(!configuration.neededSecrets.contains { $0.key == "gateway.bhxh.password" })
    }

    @Test("The commented examples are valid when uncommented")
    func commentedExamplesAreValid() throws {
        let lines = Fixtures.productionText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let device = lines.filter { $0.hasPrefix("# [[scanners.device]]") || $0.hasPrefix("# path = \"/dev")
            || $0.hasPrefix("# kind =") || $0.hasPrefix("# suffix =") || $0.hasPrefix("# baud =") }
        let his = lines.drop { !$0.hasPrefix("# [gateway.his]") }.prefix { !$0.isEmpty }
        #expect(device.count == 5 && his.count == 10)
        let uncommented = (device + his).map { String($0.dropFirst(2)) }.joined(separator: "\n")
        let text = Fixtures.productionText
            .replacingOccurrences(of: "mode = \"auto\"", with: "mode = \"explicit\"")
            .replacingOccurrences(of: "chain = [\"bhxh\", \"offline\"]", with: "chain = [\"bhxh\", \"his\", \"offline\"]")
            + "\n" + uncommented
        let configuration = try DaemonConfiguration.parse(text, purpose: .production)
        #expect(configuration.scanners.devices == [.init(location: .path("/dev/ttyACM0"), kind: .serial)])
        #expect(configuration.gateway.his?.fields == ["cardCode": "data.maThe"])
        #expect(configuration.gateway.his?.signing?.secret.file == "/etc/cccdd/secrets/his-signing-secret")
    }
}
