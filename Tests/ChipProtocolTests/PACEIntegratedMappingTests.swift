import ChipProtocol
import ICAOCrypto
import Testing

/// Doc 9303-11 App. H.1: PACE-ECDH-IM-AES-CBC-CMAC-128 on brainpoolP256r1 with CAN 123456.
@Suite struct PACEIntegratedMappingTests {
    static let s = "2923BE84E16CD6AE529049F1F1BBE9EB"
    static let t = "5DD4CBFC96F5453B130D890A1CDBAE32"
    static let mappedX = "8E82D31559ED0FDE92A4D0498ADD3C23BABA94FB77691E31E90AEA77FB17D427"
    static let mappedY = "4C1AE14BD0C3DBAC0C871B7F3608169364437CA30AC243A089D3F266C1E60FAD"
    static let pkIFD = "0489CBA23FFE96AA18D824627C3E934E54A9FD0B87A95D1471DC1C0ABFDCD640D46755DE9B7B778280B6BEBD57439ADFEB0E21FD4ED6DF42578C13418A59B34C37"
    static let pkIC = "0467F78E5F7F7686082B293E8D087E056916D0F74BC01A5F8957D0DE45691E51E8932B69A962B52A0985AD2C0A271EE6A13A8ADDDCD1A3A994B9DED257F4D22753"

    let crypto = OpenSSLCrypto()

    @Test func nonceAndPasswordKey() throws {
        let kPi = try crypto.deriveKey(from: Array("123456".utf8), counter: .password, for: .aes128)
        #expect(kPi.hexString == "591468CDA83D65219CCCB8560233600F")
        let s = try crypto.decrypt(.aes128, .cbcZeroIV(for: .aes128), key: kPi, hex("143DC40C08C8E891FBED7DEDB92B64AD"))
        #expect(s.hexString == Self.s)
    }

    @Test func pointEncodingOfTheReducedValue() throws {
        let curve = try crypto.ellipticCurve(.brainpoolP256r1)
        let mapped = try curve.integratedMappingPoint(from: hex("A2F8FF2DF50E52C6599F386ADCB595D229F6A167ADE2BE5F2C3296ADD5B7430E"))
        #expect(mapped.x.hexString == Self.mappedX)
        #expect(mapped.y.hexString == Self.mappedY)
    }

    @Test func pseudoRandomFunctionThenPointEncoding() throws {
        let curve = try crypto.ellipticCurve(.brainpoolP256r1)
        let r = try IntegratedMapping.pseudoRandomOutput(
            nonce: hex(Self.s), terminalNonce: hex(Self.t), cipher: .aes128, primeBitLength: curve.primeBitLength, crypto: crypto
        )
        #expect(r.count == 48)  // n = ⌈(256 + 64) / 128⌉ = 3 blocks
        let mapped = try curve.integratedMappingPoint(from: r)
        #expect(mapped.x.hexString == Self.mappedX)
        #expect(mapped.y.hexString == Self.mappedY)
    }

    @Test func appendixH1GeneralAuthenticateTrace() async throws {
        // H.1 prints the GENERAL AUTHENTICATE chain; MSE:Set AT is ours (CAN reference 02, and the
        // parameter id this reader always sends).
        let transport = ScriptedTransport([
            ("0022C1A412800A04007F0007020204040283010284010D", "9000"),
            ("10860000027C0000", "7C128010143DC40C08C8E891FBED7DEDB92B64AD9000"),
            ("10860000147C128110" + Self.t + "00", "7C0282009000"),
            ("10860000457C438341" + Self.pkIFD + "00", "7C438441" + Self.pkIC + "9000"),
            ("008600000C7C0A8508450F02B86F6A090900", "7C0A860875D4D96E8D5B03089000"),
        ])
        let info = try #require(try SecurityInfos(berEncoded: TLV(tag: 0x31, value: hex("3012060A04007F0007020204040202010202010D")).encoded).paceInfos.first)
        #expect(info.algorithm.mapping == .integrated)
        let pace = try PACE(
            info: info, password: .can("123456"),
            random: ScriptedRandom([hex(Self.t), hex("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595")])
        )
        let result = try await pace.establish(over: transport)
        #expect(await transport.remaining == 0)
        var session = result.secureMessaging
        var reference = try AESSecureMessaging(encryptionKey: hex("0D3FEB33251A6370893D62AE8DAAF51B"), macKey: hex("B01E89E3D9E8719E586B50B4A7506E0B"))
        let read = CommandAPDU(ins: 0xB0, p1: 0x9C, p2: 0, expectedLength: 6)
        #expect(try session.protect(read) == reference.protect(read))
    }

    @Test(arguments: [NamedCurve.secp256r1, .brainpoolP384r1, .secp521r1, .brainpoolP512r1])
    func pointEncodingLandsOnEveryCurveWithPCongruent3Mod4(name: NamedCurve) throws {
        let curve = try crypto.ellipticCurve(name)
        for seed in 1...8 {
            let value = [UInt8](repeating: UInt8(seed), count: curve.coordinateLength + 8)
            let point = try curve.integratedMappingPoint(from: value)
            #expect(try curve.decodePoint(point.uncompressedEncoding) == point)
        }
    }

    @Test func curvesWithPCongruent1Mod4AreRefused() throws {
        let curve = try crypto.ellipticCurve(.secp224r1)
        #expect { _ = try curve.integratedMappingPoint(from: [1, 2, 3]) } throws: { ($0 as? CryptoError)?.reason == .unsupportedAlgorithm }
    }

    @Test func dhIntegratedMappingOfRFC5114Group() throws {
        // The DH-IM worked example (Doc 9303-11 App. H.2) on the 1024-bit group: s, t → R → g̃.
        let group = try crypto.modularGroup(.rfc5114_1024_160)
        let r = try IntegratedMapping.pseudoRandomOutput(
            nonce: hex("FA5B7E3E49753A0DB9178B7B9BD898C8"), terminalNonce: hex("B3A6DB3C870C3E99245E0D1C06B747DE"),
            cipher: .aes128, primeBitLength: group.primeBitLength, crypto: crypto
        )
        #expect(r.hexString.hasPrefix("EAB98D13E09052952AA729907C3C9461"))
        #expect(r.count == 144)
        let generator = try group.integratedMappingGenerator(from: r)
        #expect(generator.hexString.hasPrefix("1D7D767F11E333BCD6DBAEF40E799E7A926B96973550656FF3C830726D118D61"))
        #expect(try group.validateElement(generator) == generator)
    }
}
