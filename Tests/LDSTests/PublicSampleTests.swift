import CCCDIdentity
import ChipProtocol
import ICAOCrypto
import LDS
import SwiftASN1
import Testing

/// The German (BSI 2008) and Dutch (2006) specimen passports, parsed from the shared data folder.
@Suite(.enabled(if: PublicSamples.available, "public LDS samples missing: SKIPPED"))
struct PublicSampleTests {
    @Test func efCOMListsTheDataGroups() throws {
        let german = try EFCOM(encoded: PublicSamples.file("bsi2008", "EF_COM.bin"))
        #expect(german.dataGroups == [.dg1, .dg2, .dg3, .dg14])
        #expect(german.ldsVersion == "1.7")
        #expect(german.unicodeVersion == "4.0.0")
        #expect(german.unknownTags.isEmpty)
        let dutch = try EFCOM(encoded: PublicSamples.file("loes2006", "011E.bin"))
        #expect(dutch.dataGroups == [.dg1, .dg2, .dg15])
        #expect(dutch.ldsVersionText == "0107")
    }

    @Test func dg1HoldsTheBACKeyOfEachPassport() throws {
        let german = try DataGroup1(encoded: PublicSamples.file("bsi2008", "Datagroup1.bin")).mrz
        #expect(german.format == .td3)
        #expect(german.bacKeyMaterial == BACKeyMaterial(documentNumber: "C11T002JM", dateOfBirth: "960812", dateOfExpiry: "131031"))
        #expect(german.issuingState == "D")
        #expect(german.documentCode == "P")

        let dutchDG1 = try DataGroup1(encoded: PublicSamples.file("loes2006", "0101.bin"))
        #expect(dutchDG1.mrz.bacKeyMaterial == BACKeyMaterial(documentNumber: "XX0001328", dateOfBirth: "711019", dateOfExpiry: "111001"))
        #expect(dutchDG1.mrz.issuingState == "NLD")
        #expect(try dutchDG1.personalID == nil)
    }

    @Test(arguments: [("bsi2008", "Datagroup2.bin", 337, 449), ("loes2006", "0102.bin", 449, 598)])
    func dg2HoldsAJPEG2000Face(set: String, name: String, width: Int, height: Int) throws {
        let file = try PublicSamples.file(set, name)
        let group = try DataGroup2(encoded: file)
        #expect(group.faces.count == 1)
        #expect(group.face.format == .jpeg2000)
        #expect(group.face.recordVersion == "010")
        #expect(group.face.width == width)
        #expect(group.face.height == height)
        #expect(group.face.bytes.starts(with: hex("0000000C 6A502020 0D0A870A")))
        #expect(group.face.bytes.suffix(2) == [0xFF, 0xD9])
        // The image runs to the end of the file: nothing after the facial record.
        #expect(file.suffix(group.face.bytes.count) == group.face.bytes[...])
    }

    @Test func germanDG14OffersChipAuthenticationWithAnExplicitCurveKey() throws {
        let group = try DataGroup14(encoded: PublicSamples.file("bsi2008", "Datagroup14.bin"))
        #expect(group.chipAuthenticationPublicKeys.count == 1)
        let key = try #require(group.chipAuthenticationPublicKeys.first)
        #expect(key.keyAgreement == .ellipticCurveDiffieHellman)
        #expect(key.keyID == nil)
        guard case .ellipticCurve(.explicit(let parameters)) = key.publicKey.algorithm else {
            Issue.record("expected explicit EC parameters, got \(key.publicKey.algorithm)")
            return
        }
        #expect(parameters.first == 0x30)
        #expect(key.publicKey.publicKey.first == 0x04)
        #expect(key.publicKey.publicKey.count == 1 + 2 * 28)  // brainpoolP224r1 point
        let info = try #require(group.securityInfos.chipAuthenticationInfos.first)
        #expect(info.keyAgreement == .ellipticCurveDiffieHellman)
        #expect(info.cipher == .tripleDES)
        #expect(info.version == 1)
        #expect(group.securityInfos.terminalAuthenticationInfos.map(\.version) == [1])
        #expect(group.activeAuthenticationInfos.isEmpty)
        #expect(group.publicKey(for: info) == key)
    }

    @Test(arguments: [("bsi2008", "Datagroup15.bin"), ("loes2006", "010F.bin")])
    func dg15HoldsAnRSAKey(set: String, name: String) throws {
        let group = try DataGroup15(encoded: PublicSamples.file(set, name))
        #expect(group.publicKey.algorithm == .rsa)
        #expect(group.publicKey.algorithmIdentifier.parameters == AlgorithmIdentifier.nullParameters)
        // RSAPublicKey SEQUENCE { modulus, exponent 65537 }
        #expect(group.publicKey.publicKey.first == 0x30)
        #expect(group.publicKey.publicKey.suffix(5) == [0x02, 0x03, 0x01, 0x00, 0x01])
        #expect(DataGroup15.encode(publicKey: group.publicKey) == group.encoded)
    }

    @Test(arguments: [
        ("bsi2008", HashAlgorithm.sha1, [1, 2, 3, 14] as [Int], ASN1ObjectIdentifier(arrayLiteral: 1, 2, 840, 10045, 4, 1)),  // ecdsa-with-SHA1
        ("loes2006", .sha256, [1, 2, 15], ASN1ObjectIdentifier(arrayLiteral: 1, 2, 840, 113549, 1, 1, 11)),  // sha256WithRSAEncryption
    ])
    func sodListsTheHashesAndSignerPieces(set: String, algorithm: HashAlgorithm, groups: [Int], signature: ASN1ObjectIdentifier) throws {
        let sod = try EFSOD(encoded: PublicSamples.file(set, set == "bsi2008" ? "EF_SOD.bin" : "011D.bin"))
        #expect(try sod.securityObject.hashFunction == algorithm)
        #expect(sod.securityObject.version == 0)
        #expect(sod.securityObject.versionInfo == nil)
        #expect(sod.securityObject.dataGroupHashes.map(\.number) == groups)
        #expect(sod.securityObject.dataGroups.map(\.number) == groups)
        #expect(sod.securityObject.dataGroupHashes.allSatisfy { $0.hash.count == algorithm.digestLength })
        #expect(sod.signedData.version == 3)
        #expect(sod.signedData.digestAlgorithms.map(\.algorithm) == [algorithm.objectIdentifier])
        #expect(sod.signedData.certificates.count == 1)
        let signer = try #require(sod.signerInfo)
        #expect(signer.contentType == [2, 23, 136, 1, 1, 1])
        // messageDigest = H(eContent): the signed attributes bind the LDS security object.
        let content = try #require(sod.signedData.encapsulatedContent.content)
        #expect(signer.messageDigest == (try OpenSSLCrypto().hash(algorithm, content)))
        let attributes = try #require(signer.signedAttributesEncoded)
        let forSignature = try #require(signer.signedAttributesForSignature)
        #expect(attributes.first == 0xA0)
        #expect(forSignature.first == 0x31)
        #expect(forSignature.dropFirst() == attributes.dropFirst())
        #expect(!signer.signature.isEmpty)
        #expect(signer.signatureAlgorithm.algorithm == signature)
        #expect(signer.digestAlgorithm.algorithm == algorithm.objectIdentifier)
        if case .issuerAndSerialNumber(let issuer, let serial) = signer.signerIdentifier {
            #expect(issuer.first == 0x30)
            #expect(!serial.isEmpty)
        } else {
            Issue.record("expected issuerAndSerialNumber")
        }
    }

    /// Real end-to-end hashing: each sample file, exactly as stored, against its SOD.
    @Test(arguments: [
        ("bsi2008", "EF_SOD.bin", [(DataGroup.dg1, "Datagroup1.bin"), (.dg2, "Datagroup2.bin"), (.dg3, "Datagroup3.bin"), (.dg14, "Datagroup14.bin")]),
        ("loes2006", "011D.bin", [(.dg1, "0101.bin"), (.dg2, "0102.bin"), (.dg15, "010F.bin")]),
    ])
    func everySampleFileHashesToItsSODEntry(set: String, sodName: String, files: [(DataGroup, String)]) throws {
        let sod = try EFSOD(encoded: PublicSamples.file(set, sodName))
        for (group, name) in files {
            let bytes = try PublicSamples.file(set, name)
            #expect(try sod.securityObject.check(group, file: bytes) == .match, "\(set) \(group)")
            var tampered = bytes
            tampered[tampered.count - 1] ^= 0x01
            guard case .mismatch = try sod.securityObject.check(group, file: tampered) else {
                Issue.record("a tampered \(group) still matched")
                continue
            }
        }
    }

    /// The German folder holds DG4 and DG15 that its SOD does not cover: nothing vouches for them.
    @Test func filesOutsideTheSODAreNotListed() throws {
        let sod = try EFSOD(encoded: PublicSamples.file("bsi2008", "EF_SOD.bin"))
        #expect(try sod.securityObject.check(.dg15, file: PublicSamples.file("bsi2008", "Datagroup15.bin")) == .notListed)
        #expect(try sod.securityObject.check(.dg4, file: PublicSamples.file("bsi2008", "Datagroup4.bin")) == .notListed)
    }

    @Test func headerLengthOfEverySampleIsItsSize() throws {
        let files: [(String, String, LDSFile)] = [
            ("bsi2008", "EF_COM.bin", .com), ("bsi2008", "EF_SOD.bin", .sod), ("bsi2008", "Datagroup1.bin", .dataGroup(.dg1)),
            ("bsi2008", "Datagroup2.bin", .dataGroup(.dg2)), ("bsi2008", "Datagroup3.bin", .dataGroup(.dg3)),
            ("bsi2008", "Datagroup4.bin", .dataGroup(.dg4)), ("bsi2008", "Datagroup14.bin", .dataGroup(.dg14)),
            ("bsi2008", "Datagroup15.bin", .dataGroup(.dg15)), ("loes2006", "011E.bin", .com), ("loes2006", "0101.bin", .dataGroup(.dg1)),
            ("loes2006", "0102.bin", .dataGroup(.dg2)), ("loes2006", "010F.bin", .dataGroup(.dg15)), ("loes2006", "011D.bin", .sod),
        ]
        for (set, name, file) in files {
            let bytes = try PublicSamples.file(set, name)
            let probe = Array(bytes.prefix(LDSFileLength.headerProbeLength))
            #expect(try LDSFileLength.totalLength(ofFileStartingWith: probe, file: file) == bytes.count, "\(set)/\(name)")
        }
    }

    @Test func fileSetChecksEveryGroupReadAgainstTheSOD() throws {
        let names: [LDSFile: String] = [
            .com: "EF_COM.bin", .sod: "EF_SOD.bin", .dataGroup(.dg1): "Datagroup1.bin", .dataGroup(.dg2): "Datagroup2.bin",
            .dataGroup(.dg3): "Datagroup3.bin", .dataGroup(.dg4): "Datagroup4.bin", .dataGroup(.dg14): "Datagroup14.bin",
            .dataGroup(.dg15): "Datagroup15.bin",
        ]
        var set = LDSFileSet()
        for (file, name) in names { set[file] = try PublicSamples.file("bsi2008", name) }
        let sod = try #require(try set.sod())
        let checks = try set.hashChecks(against: sod)
        #expect(checks == [.dg1: .match, .dg2: .match, .dg3: .match, .dg14: .match, .dg4: .notListed, .dg15: .notListed])
        #expect(set.dataGroups == [.dg1, .dg2, .dg3, .dg4, .dg14, .dg15])
        #expect(try LDSFileSet().sod() == nil)
    }

    /// One byte of the real SOD changed anywhere: a parse or a typed error, never a crash.
    @Test func everySingleByteMutationOfARealSOD() throws {
        let sod = try PublicSamples.file("bsi2008", "EF_SOD.bin")
        for position in sod.indices {
            for value: UInt8 in [0x00, 0x80, 0xFF, sod[position] ^ 0x01] {
                var mutated = sod
                mutated[position] = value
                do { _ = try EFSOD(encoded: mutated) } catch { #expect(error.code.hasPrefix("lds.")) }
            }
        }
    }
}
