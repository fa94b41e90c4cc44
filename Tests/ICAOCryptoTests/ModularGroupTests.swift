import ICAOCrypto
import Testing

/// RFC 5114 groups as OpenSSL ships them, and the DH operations PACE-DH builds on.
@Suite struct ModularGroupTests {
    let crypto = OpenSSLCrypto()

    @Test(arguments: [
        (StandardModularGroup.rfc5114_1024_160, 128),
        (.rfc5114_2048_224, 256),
        (.rfc5114_2048_256, 256),
    ])
    func groupsHaveTheRFCSizesAndAPrimeOrderGenerator(name: StandardModularGroup, length: Int) throws {
        let group = try crypto.modularGroup(name)
        #expect(group.primeLength == length)
        // validateElement checks g^q = 1: the generator must lie in the prime-order subgroup.
        #expect(try group.validateElement(group.generator) == group.generator)
    }

    @Test func rfc5114Group1IsTheRFCGroup() throws {
        let group = try crypto.modularGroup(.rfc5114_1024_160)
        #expect(group.generator.hexString.hasPrefix("A4D1CBD5C3FD34126765A442EFB99905F8104DD258AC507F"))
    }

    @Test(arguments: StandardModularGroup.allCases)
    func diffieHellmanAgrees(name: StandardModularGroup) throws {
        let group = try crypto.modularGroup(name)
        let random = SystemRandomSource()
        let alice = try group.generateKeyPair(base: group.generator, using: random)
        let bob = try group.generateKeyPair(base: group.generator, using: random)
        #expect(try group.sharedSecret(privateKey: alice.privateKey, peer: bob.publicKey)
            == group.sharedSecret(privateKey: bob.privateKey, peer: alice.publicKey))
    }

    @Test func genericMappingIsAHomomorphism() throws {
        // g^s · g^t = g^(s+t): the DH generic mapping multiplies two powers.
        let group = try crypto.modularGroup(.rfc5114_2048_256)
        let product = try group.multiply(try group.power(group.generator, [0x05]), try group.power(group.generator, [0x07]))
        #expect(product == (try group.power(group.generator, [0x0C])))
    }

    @Test func smallSubgroupAndTrivialElementsAreRejected() throws {
        let group = try crypto.modularGroup(.rfc5114_1024_160)
        for bad: [UInt8] in [[0], [1], [2]] {
            #expect { _ = try group.validateElement(bad) } throws: { ($0 as? CryptoError)?.reason == .invalidGroupElement }
        }
    }
}
