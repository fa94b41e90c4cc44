import KioskConfiguration
import Testing

@Suite("Every problem of a file, together")
struct ManyProblemsTests {
    @Test("Problems in different sections are all reported, in file order, one rendered line each")
    func allReported() throws {
        let text = """
        [site]
        facility = "ABCDE"
        kiosk = "quầy 1"
        [readers]
        read-timeout-seconds = 0
        colour = "blue"
        [gateway]
        chain = ["offline", "bhxh"]
        [gateway.bhxh]
        token = "eyJhbGciOi"
        [log]
        level = 3
        """
        let problems = try #require(throws: ConfigurationProblems.self) {
            try DaemonConfiguration.parse(text, fileName: "test.toml", purpose: .demo)
        }
        Fixtures.expectBilingual(problems.problems)
        #expect(problems.problems.map(\.code) == [
            "config.invalidValue", "config.invalidValue", "config.outOfRange", "config.unknownKey",
            "config.invalidValue", "config.secretInConfig", "config.wrongType",
        ])
        #expect(problems.problems.map(\.line) == [2, 3, 5, 6, 8, 10, 12])
        let rendered = problems.rendered().split(separator: "\n")
        #expect(rendered.count == 7)
        #expect(rendered.first == "test.toml:2: site.facility: The facility code (maCSKCB) is exactly 5 digits")
        #expect(!problems.rendered().contains("eyJhbGciOi"))
    }

    @Test("Production rules add to, never replace, the schema's problems")
    func productionAndSchemaTogether() {
        let text = "[site]\nkiosk = \"k\"\n[gateway.bhxh]\nstaff-id = \"12\"\nrequest-timeout-seconds = -1\n"
        let problems = Fixtures.problems(text, purpose: .production)
        // Absent keys sit at their section's line: [site] is line 1, [gateway.bhxh] line 3.
        #expect(problems.map(\.key) == [
            "site.facility", "gateway.bhxh.staff-name", "gateway.bhxh.username", "gateway.bhxh.staff-id",
            "gateway.bhxh.staff-id", "gateway.bhxh.request-timeout-seconds",
        ])
        #expect(problems.map(\.line) == [1, 3, 3, 4, 4, 5])
        #expect(Set(problems.map(\.code)) == ["config.invalidValue", "config.outOfRange", "config.missing"])
        #expect(problems.count == 6)
    }
}
