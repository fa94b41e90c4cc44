import ChipProtocol
import ICAOCrypto
import Testing

/// DG14 as the reader needs it to run Chip and Active Authentication.
@Suite struct ChipSecurityOptionsTests {
    static func activeAuthenticationInfo(_ algorithm: String) -> [UInt8] {
        TLV(tag: 0x30, value: hex("0606678108010105") + hex("020101") + hex(algorithm)).encoded
    }

    @Test func keysInfosAndTheActiveAuthenticationHashAreFound() throws {
        let key = try ReaderFixtures.chipAuthenticationKeyPair().publicKey
        let dg14 = ReaderFixtures.dg14(chipKey: key)
        let options = try ChipSecurityOptions(dg14: dg14)
        #expect(options.chipAuthenticationKeys == [ChipAuthenticationKey(subjectPublicKeyInfo: ReaderFixtures.brainpoolSubjectPublicKeyInfo(key))])
        #expect(options.chipAuthenticationInfos.first?.cipher == .aes128)
        #expect(options.chipAuthenticationInfo(for: options.chipAuthenticationKeys[0])?.keyAgreement == .ellipticCurveDiffieHellman)
        #expect(options.activeAuthenticationHash == nil)
    }

    @Test(arguments: [("060A04007F00070101040103", HashAlgorithm.sha256), ("060A04007F00070101040105", .sha512),
                      ("06082A8648CE3D040302", .sha256), ("06072A8648CE3D0401", .sha1)])
    func activeAuthenticationHashFromEitherOIDFamily(oid: String, hash: HashAlgorithm) throws {
        let set = TLV(tag: 0x31, value: Self.activeAuthenticationInfo(oid)).encoded
        #expect(try ChipSecurityOptions(dg14: TLV(tag: 0x6E, value: set).encoded).activeAuthenticationHash == hash)
    }

    @Test func notADG14IsMalformed() async {
        await expectReadFailure(.malformedResponse) { _ = try ChipSecurityOptions(dg14: hex("6F03020101")) }
        await expectReadFailure(.malformedResponse) { _ = try ChipSecurityOptions(dg14: hex("6E03020101")) }
        await expectReadFailure(.malformedResponse) { _ = try ActiveAuthentication.subjectPublicKeyInfo(dg15: hex("6E00")) }
    }
}
