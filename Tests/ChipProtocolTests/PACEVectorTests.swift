import ChipProtocol
import ICAOCrypto
import Testing

/// Doc 9303-11 App. G.1: PACE-ECDH-GM-AES-CBC-CMAC-128 on brainpoolP256r1 with an MRZ password,
/// replayed against the standard's APDU trace byte for byte.
@Suite struct PACEVectorTests {
    static let pkMapIFD = "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D"
    static let pkMapIC = "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54"
    static let pkIFD = "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462"
    static let pkIC = "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094"

    static func trace(lastAnswer: String = "7C0A86083ABB9674BCE93C089000") -> ScriptedTransport {
        ScriptedTransport([
            ("0022C1A412800A04007F0007020204020283010184010D", "9000"),
            ("10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000"),
            ("10860000457C438141" + pkMapIFD + "00", "7C438241" + pkMapIC + "9000"),
            ("10860000457C438341" + pkIFD + "00", "7C438441" + pkIC + "9000"),
            ("008600000C7C0A8508C2B0BD78D94BA86600", lastAnswer),
        ])
    }

    static func pace() throws -> PACE {
        let info = try #require(try SecurityInfos(berEncoded: TLV(tag: 0x31, value: hex("3012060A04007F0007020204020202010202010D")).encoded).paceInfos.first)
        return try PACE(
            info: info, password: .mrz(try MRZInformation(value: "T22000129364081251010318")),
            random: ScriptedRandom([
                hex("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99"),
                hex("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"),
            ])
        )
    }

    @Test func appendixG1TraceReplaysByteForByte() async throws {
        let transport = Self.trace()
        let result = try await Self.pace().establish(over: transport)
        #expect(await transport.remaining == 0)
        #expect(result.chipEphemeralPublicKey.hexString == Self.pkIC)
        // The session keys are KS_enc/KS_mac of G.1 with SSC 0: protecting with an independently
        // built AES session must give identical bytes.
        var session = result.secureMessaging
        var reference = try AESSecureMessaging(encryptionKey: hex("F5F0E35C0D7161EE6724EE513A0D9A7F"), macKey: hex("FE251C7858B356B24514B3BD5F4297D1"))
        #expect(session.sendSequenceCounter == .zero(blockSize: 16))
        let select = CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x1E])
        #expect(try session.protect(select) == reference.protect(select))
    }

    @Test func passwordKeyOfG1() throws {
        let crypto = OpenSSLCrypto()
        let k = try crypto.hash(.sha1, Array("T22000129364081251010318".utf8))
        #expect(k.hexString == "7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD")
        #expect(try crypto.deriveKey(from: k, counter: .password, for: .aes128).hexString == "89DED1B26624EC1E634C1989302849DD")
    }

    @Test func wrongPasswordIsReportedFromTheLastStep() async throws {
        do {
            _ = try await Self.pace().establish(over: Self.trace(lastAnswer: "6300"))
            Issue.record("PACE succeeded although the chip refused the token")
        } catch let error as PACEError {
            #expect(error.reason == .wrongPassword)
            #expect(!error.reason.isFallbackToBAC)
        }
    }

    @Test func forgedChipTokenIsRejected() async throws {
        do {
            _ = try await Self.pace().establish(over: Self.trace(lastAnswer: "7C0A86083ABB9674BCE93C099000"))
            Issue.record("PACE accepted a forged chip token")
        } catch let error as PACEError {
            #expect(error.reason == .chipTokenMismatch)
        }
    }

    @Test func rejectedSetupSuggestsBAC() async throws {
        let transport = ScriptedTransport([("0022C1A412800A04007F0007020204020283010184010D", "6A87")])
        do {
            _ = try await Self.pace().establish(over: transport)
            Issue.record("PACE went on after MSE:Set AT failed")
        } catch let error as PACEError {
            #expect(error.reason == .setupRejected)
            #expect(error.reason.isFallbackToBAC)
        }
    }

    @Test func chipMappingKeyOffTheCurveIsAChipError() async throws {
        var offCurve = Self.pkMapIC
        offCurve.removeLast()
        offCurve += "5"
        let transport = ScriptedTransport([
            ("0022C1A412800A04007F0007020204020283010184010D", "9000"),
            ("10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000"),
            ("10860000457C438141" + Self.pkMapIFD + "00", "7C438241" + offCurve + "9000"),
        ])
        do {
            _ = try await Self.pace().establish(over: transport)
            Issue.record("PACE accepted an invalid point")
        } catch let error as PACEError {
            #expect(error.reason == .invalidChipResponse)
        }
    }

    @Test func chipEchoingOurMappingKeyIsRejected() async throws {
        let transport = ScriptedTransport([
            ("0022C1A412800A04007F0007020204020283010184010D", "9000"),
            ("10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000"),
            ("10860000457C438141" + Self.pkMapIFD + "00", "7C438241" + Self.pkMapIFD + "9000"),
        ])
        do {
            _ = try await Self.pace().establish(over: transport)
            Issue.record("PACE accepted a reflected key")
        } catch let error as PACEError {
            #expect(error.reason == .invalidChipResponse)
        }
    }

    @Test func unsupportedVariantsFailBeforeAnyAPDU() throws {
        let cam = try SecurityInfos(berEncoded: TLV(tag: 0x31, value: hex("3012060A04007F0007020204060202010202010D")).encoded).paceInfos[0]
        #expect(cam.algorithm.mapping == .chipAuthentication)
        expectFailure(PACEError(.unsupportedProtocol)) { _ = try PACE(info: cam, password: .can("123456")) }
        let noParameters = try SecurityInfos(berEncoded: TLV(tag: 0x31, value: hex("300F060A04007F00070202040202020102")).encoded).paceInfos[0]
        expectFailure(PACEError(.unsupportedProtocol)) { _ = try PACE(info: noParameters, password: .can("123456")) }
        let mismatched = try SecurityInfos(berEncoded: TLV(tag: 0x31, value: hex("3012060A04007F00070202040102020102020100")).encoded).paceInfos[0]
        #expect(mismatched.algorithm.keyAgreement == .diffieHellman)
        #expect(throws: Never.self) { _ = try PACE(info: mismatched, password: .can("123456")) }
        let dhOnCurve = try SecurityInfos(berEncoded: TLV(tag: 0x31, value: hex("3012060A04007F0007020204010202010202010D")).encoded).paceInfos[0]
        expectFailure(PACEError(.unsupportedProtocol)) { _ = try PACE(info: dhOnCurve, password: .can("123456")) }
    }
}
