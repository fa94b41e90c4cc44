import CCCDIdentity
import CCCDTestSupport
import Foundation
@testable import KioskHTTP
import Testing

@Suite("kiosk API access control: tokens, hosts, origins")
struct AccessControlTests {
    @Test("a login token works once; the per-boot session token always; anything else never")
    func loginTokensAreOneTime() {
        let tokens = AccessTokens()
        let login = tokens.issueLoginToken()
        #expect(login != tokens.sessionToken)
        #expect(tokens.redeemLogin(login))
        #expect(!tokens.redeemLogin(login), "a spent login token must not work again")
        #expect(tokens.redeemLogin(tokens.sessionToken))
        #expect(!tokens.redeemLogin(""))
        #expect(!tokens.redeemLogin(String(tokens.sessionToken.dropLast()) + "x"))
        #expect(tokens.sessionToken.count == 64 && tokens.sessionToken.allSatisfy(\.isHexDigit))
        #expect(AccessTokens().sessionToken != tokens.sessionToken)
    }

    @Test("the session token file is written owner-only (0600) and replaced atomically")
    func tokenFileMode() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("token").path
            let first = AccessTokens()
            try first.writeSessionToken(to: path)
            try AccessTokens().writeSessionToken(to: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8) != first.sessionToken)
            #expect(throws: (any Error).self) { try first.writeSessionToken(to: folder.appendingPathComponent("missing/token").path) }
        }
    }

    @Test("Host must name the daemon's own loopback address and bound port; Origin must be its own or allow-listed")
    func hostAndOrigin() {
        let policy = OriginPolicy(configuredHost: "127.0.0.1", allowedOrigins: ["http://127.0.0.1:9000"])
        #expect(!policy.acceptsHost("127.0.0.1:7480"), "nothing is accepted before the port is known")
        policy.bind(port: 7480)
        for good in ["127.0.0.1:7480", "localhost:7480", "LOCALHOST:7480", "[::1]:7480"] { #expect(policy.acceptsHost(good), "\(good)") }
        for bad in ["evil.example:7480", "127.0.0.1:7481", "127.0.0.1", "localhost.evil.example:7480", "", "127.0.0.1:7480.evil"] {
            #expect(!policy.acceptsHost(bad), "\(bad)")
        }
        #expect(!policy.acceptsHost(nil))
        #expect(policy.acceptsOrigin("http://127.0.0.1:7480"))
        #expect(policy.acceptsOrigin("http://localhost:7480"))
        #expect(policy.acceptsOrigin("http://127.0.0.1:9000"))
        #expect(policy.isAllowListed("http://127.0.0.1:9000"))
        for bad in ["http://evil.example", "https://127.0.0.1:7480", "http://127.0.0.1:9001", "null", "*"] {
            #expect(!policy.acceptsOrigin(bad), "\(bad)")
        }
    }

    @Test("manual entries are validated field by field before anything reaches the pipeline")
    func manualEntryValidation() throws {
        func problem(_ json: String) -> String? {
            guard let request = try? JSONDecoder().decode(ManualEntryRequest.self, from: Data(json.utf8)) else { return "undecodable" }
            do {
                _ = try request.entry()
                return nil
            } catch {
                return error.code
            }
        }
        #expect(problem(#"{"idNumber":"001085000789","fullName":"Phạm Văn Hết Hạn","dateOfBirth":"1985-02-02"}"#) == nil)
        #expect(problem(#"{"bhytCardCode":"dn4010185000789","fullName":"Phạm Văn Hết Hạn","dateOfBirth":"1985"}"#) == nil)
        #expect(problem(#"{"idNumber":"12345","fullName":"A","dateOfBirth":"1985-02-02"}"#) == "manual.idNumber")
        #expect(problem(#"{"idNumber":"001085000789","fullName":"  ","dateOfBirth":"1985-02-02"}"#) == "manual.fullName")
        #expect(problem(#"{"idNumber":"001085000789","fullName":"A","dateOfBirth":"1985-02-30"}"#) == "manual.dateOfBirth")
        #expect(problem(#"{"bhytCardCode":"XX","fullName":"A","dateOfBirth":"1985"}"#) == "manual.cardCode")
        #expect(problem(#"{"fullName":"A"}"#) == "manual.identifier")
        // The name rule is the lookup's own (FullNameText): what passes here is never refused later.
        let long = String(repeating: "Ạ", count: FullNameText.maximumLength + 1)
        #expect(problem(#"{"idNumber":"001085000789","fullName":"\#(long)","dateOfBirth":"1985-02-02"}"#) == "manual.fullNameTooLong")
        #expect(problem(#"{"idNumber":"001085000789","fullName":"Phạm\u0007Văn\u001bHạn","dateOfBirth":"1985-02-02"}"#)
                == "manual.fullNameCharacters")
        #expect(problem(#"{"idNumber":"001085000789","fullName":"Phạm\u0090Văn","dateOfBirth":"1985-02-02"}"#) == "manual.fullNameCharacters")
    }
}
