import ICAOCrypto
import Testing

/// App. G.1 generic mapping and key agreement on brainpoolP256r1, and the other named curves.
@Suite struct EllipticCurveTests {
    let crypto = OpenSSLCrypto()
    let skMapIFD = hex("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99")
    let pkMapIC = hex("04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54")
    let nonce = hex("3F00C4D39D153F2B2A214A078D899B22")

    @Test func genericMappingOfG1() throws {
        let curve = try crypto.ellipticCurve(.brainpoolP256r1)
        let mapKeys = try curve.generateKeyPair(base: curve.generator, using: ScriptedRandomSource([skMapIFD]))
        #expect(mapKeys.publicKey.uncompressedEncoding.hexString == "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D")

        let h = try curve.multiply(try curve.decodePoint(pkMapIC), by: skMapIFD)
        #expect(h.x.hexString == "60332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5")
        #expect(h.y.hexString == "0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181")

        let mapped = try curve.add(try curve.multiply(curve.generator, by: nonce), h)
        #expect(mapped.x.hexString == "8CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2")
        #expect(mapped.y.hexString == "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522")
    }

    @Test func ephemeralKeyAgreementOfG1() throws {
        let curve = try crypto.ellipticCurve(.brainpoolP256r1)
        let mapped = ECPoint(
            x: hex("8CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"),
            y: hex("8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522")
        )
        let skIFD = hex("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595")
        let keys = try curve.generateKeyPair(base: mapped, using: ScriptedRandomSource([skIFD]))
        #expect(keys.publicKey.x.hexString == "2DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C")
        #expect(keys.publicKey.y.hexString == "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462")
        let pkIC = try curve.decodePoint(hex("049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094"))
        let shared = try curve.sharedSecret(privateKey: skIFD, peer: pkIC)
        #expect(shared.hexString == "28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925")
    }

    @Test func offCurveAndMalformedPointsAreRejected() throws {
        let curve = try crypto.ellipticCurve(.brainpoolP256r1)
        var tampered = pkMapIC
        tampered[64] ^= 0x01
        #expect { _ = try curve.decodePoint(tampered) } throws: { ($0 as? CryptoError)?.reason == .invalidPoint }
        #expect { _ = try curve.decodePoint(Array(pkMapIC.dropLast())) } throws: { ($0 as? CryptoError)?.reason == .invalidPoint }
        var compressed = pkMapIC
        compressed[0] = 0x02
        #expect { _ = try curve.decodePoint(compressed) } throws: { ($0 as? CryptoError)?.reason == .invalidPoint }
        #expect { _ = try curve.multiply(curve.generator, by: [0]) } throws: { ($0 as? CryptoError)?.reason == .pointAtInfinity }
    }

    @Test(arguments: NamedCurve.allCases)
    func ecdhAgreesOnEveryCurve(name: NamedCurve) throws {
        let curve = try crypto.ellipticCurve(name)
        let random = SystemRandomSource()
        let alice = try curve.generateKeyPair(base: curve.generator, using: random)
        let bob = try curve.generateKeyPair(base: curve.generator, using: random)
        let fromAlice = try curve.sharedSecret(privateKey: alice.privateKey, peer: bob.publicKey)
        let fromBob = try curve.sharedSecret(privateKey: bob.privateKey, peer: alice.publicKey)
        #expect(fromAlice == fromBob)
        #expect(fromAlice.count == curve.coordinateLength)
        #expect(try curve.decodePoint(alice.publicKey.uncompressedEncoding) == alice.publicKey)
    }

    @Test func privateKeysOutsideTheOrderAreRedrawn() throws {
        let curve = try crypto.ellipticCurve(.brainpoolP256r1)
        let tooLarge = [UInt8](repeating: 0xFF, count: 32)
        let zero = [UInt8](repeating: 0, count: 32)
        let key = try curve.generatePrivateKey(using: ScriptedRandomSource([tooLarge, zero, skMapIFD]))
        #expect(key == skMapIFD)
    }

    @Test func standardizedDomainParameterTable() {
        #expect(DomainParameters(standardizedID: 13) == .ellipticCurve(.brainpoolP256r1))
        #expect(DomainParameters(standardizedID: 0) == .modular(.rfc5114_1024_160))
        for id in 3...7 { #expect(DomainParameters(standardizedID: id) == nil) }
        #expect(DomainParameters(standardizedID: 19) == nil)
        for id in [0, 1, 2] + Array(8...18) {
            #expect(DomainParameters(standardizedID: id)?.standardizedID == id)
        }
    }
}
