import ChipProtocol
import ICAOCrypto
import Testing

/// EF.CardAccess as real CCCDs carry it (cccd.md §3.1) and the App. G.1 PACEInfo.
@Suite struct SecurityInfosTests {
    static let cccdCardAccess = "3134"
        + "300D060804007F0007020202020101"
        + "300F060A04007F00070202030202020101"
        + "3012060A04007F0007020204020202010202010D"

    @Test func realCCCDCardAccess() throws {
        let infos = try SecurityInfos(berEncoded: hex(Self.cccdCardAccess))
        #expect(infos.paceInfos.count == 1)
        let pace = try #require(infos.paceInfos.first)
        #expect(pace.algorithm.mapping == .generic)
        #expect(pace.algorithm.keyAgreement == .ellipticCurveDiffieHellman)
        #expect(pace.algorithm.cipher == .aes128)
        #expect(pace.version == 2)
        #expect(pace.parameterID == 13)
        #expect(pace.domainParameters == .ellipticCurve(.brainpoolP256r1))
        #expect(pace.algorithm.objectIdentifierContent.hexString == "04007F00070202040202")
        let chipAuthentication = try #require(infos.chipAuthenticationInfos.first)
        #expect(infos.chipAuthenticationInfos.count == 1)
        #expect(chipAuthentication.keyAgreement == .ellipticCurveDiffieHellman)
        #expect(chipAuthentication.cipher == .aes128)
        #expect(chipAuthentication.version == 1)
        #expect(chipAuthentication.keyID == nil)
        #expect(infos.terminalAuthenticationInfos.map(\.version) == [1])
        #expect(infos.otherProtocols.isEmpty)
    }

    @Test func unknownEntriesAreKeptAsOIDsAndOtherVariantsParse() throws {
        // PACEDomainParameterInfo (not used: proprietary parameters), an ECDH-IM-AES-256 PACEInfo,
        // a DH-GM-3DES PACEInfo on parameter id 0, and an entry with an unrelated OID.
        let body = "3010060904007F000702020402" + "3000" + "02010D"
            + "3012060A04007F00070202040404" + "020102" + "02010D"
            + "3012060A04007F00070202040101" + "020102" + "020100"
            + "300A06052B06010401020101"
        let infos = try SecurityInfos(berEncoded: TLV(tag: 0x31, value: hex(body)).encoded)
        #expect(infos.paceInfos.map { $0.algorithm.mapping } == [.integrated, .generic])
        #expect(infos.paceInfos.map { $0.algorithm.cipher } == [.aes256, .tripleDES])
        #expect(infos.paceInfos.map { $0.algorithm.keyAgreement } == [.ellipticCurveDiffieHellman, .diffieHellman])
        #expect(infos.paceInfos[1].domainParameters == .modular(.rfc5114_1024_160))
        #expect(infos.otherProtocols == ["0.4.0.127.0.7.2.2.4.2", "1.3.6.1.4.1"])
    }

    @Test(arguments: ["", "3000", "31", "3103300100", "318400000001", "3080300000000000"])
    func notASetOfSecurityInfos(text: String) {
        expectFailure(PACEError(.malformedSecurityInfos)) { _ = try SecurityInfos(berEncoded: hex(text)) }
    }
}
