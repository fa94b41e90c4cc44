import KioskConfiguration
import Testing

@Suite("Each kind of problem, at its line")
struct ProblemKindTests {
    /// Asserts the one problem of `text` has `code` and `key`, on the line starting with `prefix`.
    private func expectProblem(_ text: String, code: String, key: String, lineOf prefix: String,
                               purpose: DaemonConfiguration.Purpose = .demo,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let problem = Fixtures.onlyProblem(text, purpose: purpose, sourceLocation: sourceLocation) else { return }
        #expect(problem.code == code, sourceLocation: sourceLocation)
        #expect(problem.key == key, sourceLocation: sourceLocation)
        #expect(problem.line != nil && problem.line == Fixtures.line(of: prefix, in: text), sourceLocation: sourceLocation)
    }

    @Test("A misspelt key is unknownKey, with its column")
    func unknownKey() {
        let text = "[chip]\nphoto = true\n  phtoo = false\n"
        expectProblem(text, code: "config.unknownKey", key: "chip.phtoo", lineOf: "phtoo")
        #expect(Fixtures.onlyProblem(text)?.column == 3)
        expectProblem("[sitee]\nkiosk = \"a\"\n", code: "config.unknownKey", key: "sitee", lineOf: "[sitee]")
    }

    @Test("A value of the wrong TOML type is wrongType")
    func wrongType() {
        expectProblem("[readers]\nread-timeout-seconds = \"30\"\n", code: "config.wrongType",
                      key: "readers.read-timeout-seconds", lineOf: "read-timeout")
        expectProblem("site = 3\n", code: "config.wrongType", key: "site", lineOf: "site")
        expectProblem("[readers]\ninclude = [\n  \"ACS\",\n  7,\n]\n", code: "config.wrongType",
                      key: "readers.include[1]", lineOf: "7,")
    }

    @Test("A number outside its range is outOfRange, rendered as the compiler-style line")
    func outOfRange() throws {
        let text = "[gateway.bhxh]\nusername = \"x\"\nrequest-timeout-seconds = 9000\n"
        expectProblem(text, code: "config.outOfRange", key: "gateway.bhxh.request-timeout-seconds",
                      lineOf: "request-timeout")
        let problems = try #require(throws: ConfigurationProblems.self) { try DaemonConfiguration.parse(text, purpose: .demo) }
        #expect(problems.rendered() == "cccdd.toml:3: gateway.bhxh.request-timeout-seconds: Must be between 1 and 120")
        #expect(problems.rendered(in: .vi) == "cccdd.toml:3: gateway.bhxh.request-timeout-seconds: Phải trong khoảng 1…120")
        expectProblem("[chip]\ndata-groups = [1,\n  2,\n  17]\n", code: "config.outOfRange",
                      key: "chip.data-groups[2]", lineOf: "17]")
    }

    @Test("Dotted keys and inline tables are found on their own line")
    func dottedAndInline() {
        expectProblem("[gateway]\ncache-window-seconds = 5\nbhxh.request-timeout-seconds = 0\n", code: "config.outOfRange",
                      key: "gateway.bhxh.request-timeout-seconds", lineOf: "bhxh.")
        let his = "[gateway]\nchain = [\"his\"]\n[gateway.his]\nbase-url = \"http://his.local\"\nfields = { cardCode = \"\" }\n"
        expectProblem(his, code: "config.invalidValue", key: "gateway.his.fields.cardCode", lineOf: "fields")
    }

    @Test("An absent required key or section is missing, placed at its section")
    func missing() {
        expectProblem("[log]\nlevel = \"info\"\n[scanners]\nmode = \"explicit\"\n", code: "config.missing",
                      key: "scanners.device", lineOf: "[scanners]")
        expectProblem("[gateway]\nchain = [\"his\", \"offline\"]\n", code: "config.missing", key: "gateway.his",
                      lineOf: "[gateway]")
        expectProblem("[scanners]\nmode = \"explicit\"\n[[scanners.device]]\npath = \"/dev/ttyACM0\"\n",
                      code: "config.missing", key: "scanners.device[0].kind", lineOf: "[[scanners.device]]")
    }

    @Test("Right type, unusable value: invalidValue", arguments: [
        ("[http]\nlisten = \"0.0.0.0:7480\"\n", "http.listen", "listen"),
        ("[http]\nallowed-origins = [\"*\"]\n", "http.allowed-origins[0]", "allowed-origins"),
        ("[http]\nlisten = \"127.0.0.1:99999\"\n", "http.listen", "listen"),
        ("[gateway.bhxh]\nbase-url = \"http://egw.baohiemxahoi.gov.vn\"\n", "gateway.bhxh.base-url", "base-url"),
        ("[gateway.bhxh]\nbase-url = \"ftp://x\"\n", "gateway.bhxh.base-url", "base-url"),
        ("[gateway.bhxh]\nstaff-id = \"12345\"\n", "gateway.bhxh.staff-id", "staff-id"),
        ("[gateway]\nchain = [\"offline\", \"bhxh\"]\n", "gateway.chain[0]", "chain"),
        ("[gateway]\nchain = [\"bhxh\", \"bhxh\"]\n", "gateway.chain[1]", "chain"),
        ("[gateway]\nchain = [\"bhxh\", \"vneid\"]\n", "gateway.chain[1]", "chain"),
        ("[site]\nfacility = \"1234\"\n", "site.facility", "facility"),
        ("[site]\nutc-offset = \"+7\"\n", "site.utc-offset", "utc-offset"),
        ("[site]\nlanguage = \"fr\"\n", "site.language", "language"),
        ("[verification]\nrequired-checks = [\"cloneDetection\", \"magic\"]\n", "verification.required-checks[1]", "required-checks"),
        ("[ledger]\npath = \"ledger.sqlite\"\n", "ledger.path", "path"),
        ("[ledger]\nsite-key-credential = \"../etc/shadow\"\n", "ledger.site-key-credential", "site-key-credential"),
        ("[recheck]\nfirst-delay-seconds = 600\nmax-delay-seconds = 60\n", "recheck.max-delay-seconds", "max-delay"),
        ("[scanners]\nmode = \"explicit\"\n[[scanners.device]]\nusb = \"1eab-1310\"\nkind = \"usb-hidpos\"\n",
         "scanners.device[0].usb", "usb"),
    ])
    func invalidValue(text: String, key: String, prefix: String) {
        expectProblem(text, code: "config.invalidValue", key: key, lineOf: prefix)
    }

    @Test("The loopback simulator may use plain http; a non-loopback listener may be allowed explicitly")
    func allowedExceptions() throws {
        let text = "[gateway.bhxh]\nbase-url = \"http://127.0.0.1:8080\"\n[http]\nlisten = \"[::]:80\"\nallow-non-loopback = true\n"
        let configuration = try DaemonConfiguration.parse(text, purpose: .demo)
        #expect(configuration.gateway.bhxh.baseURL.absoluteString == "http://127.0.0.1:8080")
        #expect(configuration.http.host == "::" && configuration.http.port == 80)
    }

    @Test("A secret written inline is secretInConfig, and the secret is quoted nowhere")
    func secretInConfig() {
        let text = "[gateway.bhxh]\nusername = \"01001_BV\"\npassword = \"Hunter2-bhxh\"\n[ledger]\nsite-key = \"abc\"\n"
        let problems = Fixtures.problems(text)
        #expect(problems.map(\.code) == ["config.secretInConfig", "config.secretInConfig"])
        #expect(problems.map(\.key) == ["gateway.bhxh.password", "ledger.site-key"])
        #expect(problems.map(\.line) == [3, 5])
        let everything = ConfigurationProblems(fileName: "cccdd.toml", problems: problems)
            .rendered(includingDiagnostics: true)
        #expect(!everything.contains("Hunter2") && !everything.contains("abc\""))
        #expect(everything.contains("credential"))
    }

    @Test("Not TOML is syntax, with TOMLKit's line and column")
    func syntax() {
        let text = "[site]\nkiosk = \"a\"\nfacility = \n"
        guard let problem = Fixtures.onlyProblem(text) else { return }
        #expect(problem.code == "config.syntax" && problem.line == 3 && problem.column != nil)
        #expect(problem.diagnostic != nil)
        #expect(Fixtures.onlyProblem("[a]\nx = 1\n[a]\n")?.line == 3)
    }
}
