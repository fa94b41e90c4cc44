import ICAOCrypto
import Testing

/// Doc 9303-11 App. D.2 (BAC key derivation) and the KDF for every cipher.
@Suite struct DigestAndKDFTests {
    let crypto = OpenSSLCrypto()

    @Test func sha1OfMRZInformation() throws {
        let digest = try crypto.hash(.sha1, Array("L898902C<369080619406236".utf8))
        #expect(digest.hexString == "239AB9CB282DAF66231DC5A4DF6BFBAEDF477565")
    }

    @Test(arguments: [
        (HashAlgorithm.sha1, "A9993E364706816ABA3E25717850C26C9CD0D89D"),
        (.sha224, "23097D223405D8228642A477BDA255B32AADBCE4BDA0B3F7E36C9DA7"),
        (.sha256, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"),
        (.sha384, "CB00753F45A35E8BB5A03D699AC65007272C32AB0EDED1631A8B605A43FF5BED8086072BA1E7CC2358BAECA134C825A7"),
        (.sha512, "DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F"),
    ])
    func shaFamilyOnABC(algorithm: HashAlgorithm, expected: String) throws {
        let digest = try crypto.hash(algorithm, Array("abc".utf8))
        #expect(digest.hexString == expected)
        #expect(digest.count == algorithm.digestLength)
    }

    @Test func bacBasicAccessKeysFromKeySeed() throws {
        let seed = hex("239AB9CB282DAF66231DC5A4DF6BFBAE")
        #expect(try crypto.deriveKey(from: seed, counter: .encryption, for: .tripleDES).hexString == "AB94FDECF2674FDFB9B391F85D7F76F2")
        #expect(try crypto.deriveKey(from: seed, counter: .mac, for: .tripleDES).hexString == "7962D9ECE03D1ACD4C76089DCE131543")
    }

    @Test func bacSessionKeysFromKeyMaterial() throws {
        // K_seed = K.IFD ⊕ K.IC (App. D.3).
        let kIFD = hex("0B795240CB7049B01C19B33E32804F0B")
        let kIC = hex("0B4F80323EB3191CB04970CB4052790B")
        let seed = zip(kIFD, kIC).map { $0 ^ $1 }
        #expect(try crypto.deriveKey(from: seed, counter: .encryption, for: .tripleDES).hexString == "979EC13B1CBFE9DCD01AB0FED307EAE5")
        #expect(try crypto.deriveKey(from: seed, counter: .mac, for: .tripleDES).hexString == "F1CB1F1FB5ADF208806B89DC579DC1F8")
    }

    @Test func paceKeysFromSharedSecretG1() throws {
        let shared = hex("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925")
        #expect(try crypto.deriveKey(from: shared, counter: .encryption, for: .aes128).hexString == "F5F0E35C0D7161EE6724EE513A0D9A7F")
        #expect(try crypto.deriveKey(from: shared, counter: .mac, for: .aes128).hexString == "FE251C7858B356B24514B3BD5F4297D1")
        let password = hex("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD")
        #expect(try crypto.deriveKey(from: password, counter: .password, for: .aes128).hexString == "89DED1B26624EC1E634C1989302849DD")
    }

    @Test func aes192And256UseSHA256() throws {
        let secret = hex("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925")
        let full = try crypto.hash(.sha256, secret + [0, 0, 0, 1])
        #expect(try crypto.deriveKey(from: secret, counter: .encryption, for: .aes256) == full)
        #expect(try crypto.deriveKey(from: secret, counter: .encryption, for: .aes192) == Array(full.prefix(24)))
    }

    @Test func desParityIsOdd() {
        let adjusted = DESParity.adjusted([0x00, 0xFF, 0x23, 0x9A, 0xB9])
        #expect(adjusted == [0x01, 0xFE, 0x23, 0x9B, 0xB9])
        #expect(adjusted.allSatisfy { $0.nonzeroBitCount % 2 == 1 })
    }
}
