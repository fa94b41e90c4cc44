import COpenSSL
import ICAOCrypto
import Testing

/// App. D.3 (BAC mutual authentication cryptograms) and App. G.1 (PACE nonce, CMAC tokens).
@Suite struct CipherAndMACTests {
    let crypto = OpenSSLCrypto()
    let kEnc = hex("AB94FDECF2674FDFB9B391F85D7F76F2")
    let kMac = hex("7962D9ECE03D1ACD4C76089DCE131543")
    /// S = RND.IFD ‖ RND.IC ‖ K.IFD.
    let s = hex("781723860C06C226" + "4608F91988702212" + "0B795240CB7049B01C19B33E32804F0B")
    let eIFD = hex("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2")

    @Test func tripleDESEncryptsBACChallenge() throws {
        #expect(try crypto.encrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: kEnc, s) == eIFD)
        #expect(try crypto.decrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: kEnc, eIFD) == s)
    }

    @Test func retailMACOfBACCryptogram() throws {
        let mac = try crypto.retailMAC(key: kMac, Padding.pad(eIFD, blockSize: 8))
        #expect(mac.hexString == "5F1448EEA8AD90A7")
    }

    @Test func chipCryptogramCarriesKIC() throws {
        // R = RND.IC ‖ RND.IFD ‖ K.IC (App. D.3).
        let eIC = hex("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F")
        let r = try crypto.decrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: kEnc, eIC)
        #expect(Array(r[0..<8]).hexString == "4608F91988702212")
        #expect(Array(r[8..<16]).hexString == "781723860C06C226")
        #expect(Array(r[16...]).hexString == "0B4F80323EB3191CB04970CB4052790B")
    }

    @Test func retailMACOfChipResponse() throws {
        let eIC = hex("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F")
        let mac = try crypto.retailMAC(key: kMac, Padding.pad(eIC, blockSize: 8))
        #expect(mac.hexString == "2F2D235D074D7449")
    }

    @Test func retailMACOfSingleBlockUsesOnlyTheFinalStep() throws {
        // One block: MAC = E_K1(D_K2(E_K1(block))) = 2-key 3DES of the block.
        let block = hex("0123456789ABCDEF")
        let expected = try crypto.encrypt(.tripleDES, .ecb, key: kMac, block)
        #expect(try crypto.retailMAC(key: kMac, block) == expected)
    }

    @Test func aesDecryptsPACENonce() throws {
        let kPi = hex("89DED1B26624EC1E634C1989302849DD")
        let nonce = try crypto.decrypt(.aes128, .cbcZeroIV(for: .aes128), key: kPi, hex("95A3A016522EE98D01E76CB6B98B42C3"))
        #expect(nonce.hexString == "3F00C4D39D153F2B2A214A078D899B22")
    }

    @Test(arguments: [CipherAlgorithm.aes128, .aes192, .aes256])
    func aesCBCAndECBRoundTrip(cipher: CipherAlgorithm) throws {
        let key = [UInt8](repeating: 0x5A, count: cipher.keyLength)
        let data = [UInt8](0..<48)
        let iv = [UInt8](repeating: 0x11, count: 16)
        let cbc = try crypto.encrypt(cipher, .cbc(iv: iv), key: key, data)
        #expect(cbc != data)
        #expect(try crypto.decrypt(cipher, .cbc(iv: iv), key: key, cbc) == data)
        let ecb = try crypto.encrypt(cipher, .ecb, key: key, data)
        #expect(Array(ecb[0..<16]) != Array(cbc[0..<16]) || iv.allSatisfy { $0 == 0 })
        #expect(try crypto.decrypt(cipher, .ecb, key: key, ecb) == data)
    }

    @Test func aesECBMatchesFIPS197() throws {
        let key = hex("000102030405060708090A0B0C0D0E0F")
        let block = hex("00112233445566778899AABBCCDDEEFF")
        #expect(try crypto.encrypt(.aes128, .ecb, key: key, block).hexString == "69C4E0D86A7B0430D8CDB78070B4C55A")
    }

    @Test func cmacTokensOfG1() throws {
        let ksMac = hex("FE251C7858B356B24514B3BD5F4297D1")
        let oid = "060A04007F00070202040202"
        let pkIC = "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094"
        let pkIFD = "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462"
        let tIFD = try crypto.cmac(key: ksMac, hex("7F494F" + oid + "8641" + pkIC))
        let tIC = try crypto.cmac(key: ksMac, hex("7F494F" + oid + "8641" + pkIFD))
        #expect(Array(tIFD.prefix(8)).hexString == "C2B0BD78D94BA866")
        #expect(Array(tIC.prefix(8)).hexString == "3ABB9674BCE93C08")
    }

    @Test func cmacMatchesRFC4493Example2() throws {
        let key = hex("2B7E151628AED2A6ABF7158809CF4F3C")
        let tag = try crypto.cmac(key: key, hex("6BC1BEE22E409F96E93D7E117393172A"))
        #expect(tag.hexString == "070A16B46B4D4144F79BDD9DD04A287C")
    }

    @Test func wrongLengthsGiveTypedErrors() {
        #expect { _ = try crypto.encrypt(.aes128, .ecb, key: [1, 2, 3], [UInt8](repeating: 0, count: 16)) }
            throws: { ($0 as? CryptoError)?.reason == .invalidKeyLength }
        #expect { _ = try crypto.encrypt(.tripleDES, .ecb, key: kEnc, [1, 2, 3]) }
            throws: { ($0 as? CryptoError)?.reason == .invalidDataLength }
        #expect { _ = try crypto.encrypt(.aes256, .cbc(iv: [0]), key: [UInt8](repeating: 0, count: 32), []) }
            throws: { ($0 as? CryptoError)?.reason == .invalidIV }
        #expect { _ = try crypto.retailMAC(key: kMac, []) }
            throws: { ($0 as? CryptoError)?.reason == .invalidDataLength }
        #expect { _ = try crypto.cmac(key: [0], []) }
            throws: { ($0 as? CryptoError)?.reason == .invalidKeyLength }
    }

    /// The retail MAC must not depend on single DES, which OpenSSL 3 only has in the legacy
    /// provider; this process runs on the distribution's default configuration.
    @Test func runsWithoutTheLegacyProvider() throws {
        #expect(OSSL_PROVIDER_available(nil, "legacy") == 0)
        let singleDES = EVP_CIPHER_fetch(nil, "DES-CBC", nil)
        if let singleDES {
            print("NOTE: single DES is available in this OpenSSL configuration; the retail MAC does not use it")
            EVP_CIPHER_free(singleDES)
        }
        ERR_clear_error()
        #expect(try crypto.retailMAC(key: kMac, Padding.pad(eIFD, blockSize: 8)).hexString == "5F1448EEA8AD90A7")
    }
}
