import CCCDIdentity
import CCCDTestSupport
import ChipProtocol
import Foundation
import ICAOCrypto
import LDS
import SwiftASN1
import Testing

/// Every builder's output parses back to what was built.
@Suite struct BuilderRoundTripTests {
    static let holder: CitizenQR = {
        do {
            return try CitizenQR(
                personalID: PersonalID("001190000123")!, oldIDNumber: "012345678", fullName: "Nguyễn Thị Mẫu",
                dateOfBirth: CivilDate(year: 1990, month: 3, day: 15)!, sex: .female,
                address: "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội", issueDate: CivilDate(year: 2021, month: 7, day: 1)!)
        } catch {
            preconditionFailure("invented test holder is invalid: \(error)")
        }
    }()

    @Test func efCOM() throws {
        let groups: [DataGroup] = [.dg1, .dg2, .dg3, .dg13, .dg14, .dg15]
        let file = try EFCOM.encode(dataGroups: groups)
        let parsed = try EFCOM(encoded: file)
        #expect(parsed.dataGroups == groups)
        #expect(parsed.ldsVersion == "1.7")
        #expect(file == hex("60 18 5F01 04 30313037 5F36 06 303430303030 5C 06 61 75 63 6D 6E 6F"))
        #expect(throws: LDSError.self) { try EFCOM.encode(dataGroups: groups, ldsVersion: "1.7") }
    }

    @Test func dg1OfAVietnameseCard() throws {
        let expiry = CardExpiry.on(try #require(CivilDate(year: 2030, month: 3, day: 15)))
        let file = try DataGroup1.encode(lines: Self.holder.td1Lines(expiry: expiry))
        let group = try DataGroup1(encoded: file)
        #expect(group.mrz.format == .td1)
        #expect(group.mrz.documentNumber == "190000123")
        #expect(try group.personalID == Self.holder.personalID)
        #expect(group.mrz.bacKeyMaterial == Self.holder.bacKeyMaterial(expiry: expiry))
        #expect(try DataGroup1.encode(group.mrz) == file)
        #expect(throws: LDSError.self) { try DataGroup1.encode(lines: ["TOO SHORT"]) }
    }

    /// The ICAO Doc 9303 specimen zones: a DG1 of any document format reads.
    @Test(arguments: [
        (["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"], MachineReadableZone.Format.td1),
        (["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"], .td2),
        (["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], .td3),
    ])
    func dg1OfEveryFormat(lines: [String], format: MachineReadableZone.Format) throws {
        let group = try DataGroup1(encoded: DataGroup1.encode(lines: lines))
        #expect(group.mrz.format == format)
        #expect(group.mrz.lines == lines)
        #expect(group.mrz.issuingState == "UTO")
        #expect(try group.personalID == nil)
    }

    @Test func dg1WithABadCheckDigitIsAnMRZError() throws {
        let lines = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<5", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
        #expect(throws: MRZError.self) { try DataGroup1(encoded: DataGroup1.encode(lines: lines)) }
        let nonASCII = #expect(throws: LDSError.self) { try DataGroup1(encoded: hex("61 05 5F1F 02 C3 80")) }
        #expect(nonASCII?.reason == .malformedDG1)
    }

    @Test(arguments: DataGroup13.ParentLayout.allCases)
    func dg13FromAQRIdentity(layout: DataGroup13.ParentLayout) throws {
        var citizen = VietnameseCitizenData(
            qr: Self.holder, expiry: .never, placeOfOrigin: "Xã Mẫu, Huyện Thử, Hà Nội",
            fatherName: "Nguyễn Văn Bố", motherName: "Trần Thị Mẹ")
        citizen.field16Raw = DG13RawField(number: 16, texts: ["ABCDEF0123456789"], encoded: DG13Fixture.field(16, DG13Fixture.printable("ABCDEF0123456789")))
        citizen.unknownFields = [DG13RawField(number: 21, texts: ["mới"], encoded: DG13Fixture.field(21, DG13Fixture.utf8("mới")))]
        let file = try DataGroup13.encode(citizen, parentLayout: layout)
        let parsed = try DataGroup13(encoded: file)
        #expect(parsed.citizen == citizen)
        #expect(parsed.citizen.expiry == .noExpiry(text: "Không thời hạn"))
        #expect(parsed.version == 1)
        #expect(parsed.characterSet == "1.0.10646.1.0.8")
        // The layout on the wire is the one asked for.
        let oneSequence = DG13Fixture.field(13, DG13Fixture.sequence(DG13Fixture.utf8("Nguyễn Văn Bố"), DG13Fixture.utf8("Trần Thị Mẹ")))
        #expect(file.contains(oneSequence) == (layout == .oneSequence))
        #expect(file.contains(hex("30 03 02 01 0E")))
    }

    @Test func dg13WithOnlyAMarriedHoldersSpouse() throws {
        let citizen = VietnameseCitizenData(fullName: "Trần Văn Thử", spouseName: "Lê Thị Vợ")
        #expect(try DataGroup13(encoded: DataGroup13.encode(citizen)).citizen == citizen)
        let noSpouseField = try DataGroup13.encode(VietnameseCitizenData(fullName: "Trần Văn Thử"), emptySpouseField: false)
        #expect(!noSpouseField.contains(hex("30 03 02 01 0E")))
    }

    @Test func securityObjectHashesWhatItIsGiven() throws {
        let files: [DataGroup: [UInt8]] = [.dg1: hex("61 03 5F1F 00"), .dg13: hex("6D 02 30 00")]
        for algorithm in HashAlgorithm.allCases {
            let object = try LDSSecurityObject.hashing(files, with: algorithm)
            let parsed = try LDSSecurityObject(derEncoded: object.derEncoded())
            #expect(parsed == object)
            #expect(try parsed.hashFunction == algorithm)
            #expect(try parsed.check(.dg1, file: files[.dg1]!) == .match)
            #expect(try parsed.check(.dg13, file: files[.dg13]!) == .match)
            #expect(try parsed.check(.dg2, file: []) == .notListed)
        }
        let versioned = try LDSSecurityObject.hashing(files, with: .sha256, versionInfo: LDSVersionInfo(ldsVersion: "0108", unicodeVersion: "040000"))
        let parsed = try LDSSecurityObject(derEncoded: versioned.derEncoded())
        #expect(parsed.version == 1)
        #expect(parsed.versionInfo == LDSVersionInfo(ldsVersion: "0108", unicodeVersion: "040000"))
    }

    @Test(arguments: [
        ([1, 2, 840, 10045, 4, 1] as [UInt], HashAlgorithm?.some(.sha1)), ([1, 2, 840, 10045, 4, 3, 4], .sha512),
        ([0, 4, 0, 127, 0, 7, 1, 1, 4, 1, 3], .sha256), ([0, 4, 0, 127, 0, 7, 1, 1, 4, 1, 9], nil), ([1, 2, 840, 113549, 1, 1, 11], nil),
    ])
    func activeAuthenticationHash(oid: [UInt], hash: HashAlgorithm?) throws {
        #expect(ActiveAuthenticationInfo(signatureAlgorithm: try ASN1ObjectIdentifier(elements: oid)).hashAlgorithm == hash)
    }

    @Test func unsupportedHashIsATypedError() throws {
        let object = try LDSSecurityObject(derEncoded: hex("30 15 02 01 00 30 07 06 05 2B 0E 03 02 1B 30 07 30 05 02 01 01 04 00"))
        let error = #expect(throws: LDSError.self) { try object.check(.dg1, file: [0x61, 0x00]) }
        #expect(error?.reason == .unsupportedHashAlgorithm)
    }

    @Test func aDataGroupListedTwiceIsRefused() throws {
        let twice = hex("61 02 00 00")
        let object = try LDSSecurityObject.hashing([.dg1: twice], with: .sha1)
        let duplicated = LDSSecurityObject(hashAlgorithm: .sha1, dataGroupHashes: object.dataGroupHashes + object.dataGroupHashes)
        #expect(throws: (any Error).self) { try LDSSecurityObject(derEncoded: duplicated.derEncoded()) }
    }
}

/// Builders checked against keys and signatures made by the `openssl` tool.
@Suite(.enabled(if: OpenSSLTool.isAvailable, "openssl tool missing: SKIPPED"))
struct OpenSSLBuilderTests {
    @Test(arguments: ["EC:brainpoolP256r1", "EC:prime256v1", "EC:secp384r1", "RSA:2048"])
    func dg15AroundAnOpenSSLKey(algorithm: String) async throws {
        try await withTemporaryDirectory { directory in
            let spki = try await OpenSSLTool.keyPair(algorithm, name: "aa", in: directory)
            let key = try SubjectPublicKeyInfo(berEncoded: spki)
            let group = try DataGroup15(encoded: DataGroup15.encode(publicKey: key))
            #expect(group.publicKey.encoded == spki)
            switch (algorithm, group.publicKey.algorithm) {
            case ("RSA:2048", .rsa): break
            case ("EC:brainpoolP256r1", .ellipticCurve(.named(_, .brainpoolP256r1))),
                 ("EC:prime256v1", .ellipticCurve(.named(_, .secp256r1))),
                 ("EC:secp384r1", .ellipticCurve(.named(_, .secp384r1))): break
            default: Issue.record("\(algorithm) parsed as \(group.publicKey.algorithm)")
            }
        }
    }

    @Test func dg14AroundAChipAuthenticationKey() async throws {
        try await withTemporaryDirectory { directory in
            let spki = try await OpenSSLTool.keyPair("EC:brainpoolP256r1", name: "ca", in: directory)
            let key = ChipAuthenticationPublicKeyInfo(keyAgreement: .ellipticCurveDiffieHellman,
                                                      publicKey: try SubjectPublicKeyInfo(berEncoded: spki), keyID: 1)
            let activeAuthentication = ActiveAuthenticationInfo(signatureAlgorithm: [1, 2, 840, 10045, 4, 3, 2])
            let file = try DataGroup14.encode(chipAuthenticationKeys: [key], activeAuthentication: activeAuthentication)
            let group = try DataGroup14(encoded: file)
            #expect(group.chipAuthenticationPublicKeys == [key])
            #expect(group.activeAuthenticationInfos == [activeAuthentication])
            let info = try #require(group.securityInfos.chipAuthenticationInfos.first)
            #expect(info.cipher == .aes128)
            #expect(info.keyID == 1)
            #expect(info.keyAgreement == .ellipticCurveDiffieHellman)
            #expect(group.securityInfos.terminalAuthenticationInfos.count == 1)
            #expect(group.publicKey(for: info) == key)
            #expect(group.activeAuthenticationInfos.first?.hashAlgorithm == .sha256)
            // An independent parser reads the file's SET too.
            try OpenSSLTool.write(try TLV.decode(file).object.value, to: directory.appendingPathComponent("dg14.der"))
            let dump = try await OpenSSLTool.run(
                ["asn1parse", "-inform", "DER", "-in", directory.appendingPathComponent("dg14.der").path], in: directory).stdoutText
            #expect(dump.contains("brainpoolP256r1"))
            #expect(dump.contains("0.4.0.127.0.7.2.2.1.2"))
        }
    }

    /// The virtual chip's SOD path end to end: build the LDS security object, sign it with
    /// `openssl cms`, wrap it as EF.SOD, parse it back, and check every hash and the messageDigest.
    /// `-stream` makes openssl write indefinite-length BER with a chunked eContent, which a BER
    /// parser must read as well as the DER of real chips.
    @Test(arguments: [("EC:brainpoolP256r1", HashAlgorithm.sha256, false), ("RSA:2048", .sha384, false),
                      ("EC:prime256v1", .sha1, false), ("EC:prime256v1", .sha512, true)])
    func sodSignedByOpenSSL(signer: String, hash: HashAlgorithm, streamed: Bool) async throws {
        try await withTemporaryDirectory { directory in
            let path = { (name: String) in directory.appendingPathComponent(name).path }
            _ = try await OpenSSLTool.keyPair(signer, name: "ds", in: directory)
            try await OpenSSLTool.run(["req", "-new", "-x509", "-key", path("ds.key"), "-subj", "/C=VN/O=Test/CN=Test DS",
                                       "-days", "30", "-out", path("ds.pem")], in: directory)
            let expiry = CardExpiry.on(try #require(CivilDate(year: 2030, month: 3, day: 15)))
            let files: [DataGroup: [UInt8]] = [
                .dg1: try DataGroup1.encode(lines: BuilderRoundTripTests.holder.td1Lines(expiry: expiry)),
                .dg2: try DataGroup2.encode(image: DataGroup2Tests.jpeg, width: 1, height: 1),
                .dg13: try DataGroup13.encode(VietnameseCitizenData(qr: BuilderRoundTripTests.holder, expiry: expiry)),
            ]
            let object = try LDSSecurityObject.hashing(files, with: hash)
            try OpenSSLTool.write(try object.derEncoded(), to: directory.appendingPathComponent("lso.der"))
            try await OpenSSLTool.run([
                "cms", "-sign", "-nodetach", "-binary", "-in", path("lso.der"), "-signer", path("ds.pem"), "-inkey", path("ds.key"),
                "-md", hash.rawValue.lowercased(), "-econtent_type", "2.23.136.1.1.1", "-outform", "DER", "-out", path("sod.der"),
            ] + (streamed ? ["-stream"] : []), in: directory)
            let cms = try OpenSSLTool.bytes(directory.appendingPathComponent("sod.der"))
            #expect((cms[1] == 0x80) == streamed, "indefinite length exactly when streamed")
            let sod = try EFSOD(encoded: EFSOD.encode(contentInfo: OpenSSLTool.bytes(directory.appendingPathComponent("sod.der"))))
            #expect(sod.securityObject == object)
            for (group, bytes) in files {
                #expect(try sod.securityObject.check(group, file: bytes) == .match)
            }
            let signerInfo = try #require(sod.signerInfo)
            #expect(signerInfo.messageDigest == (try OpenSSLCrypto().hash(hash, object.derEncoded())))
            #expect(signerInfo.contentType == [2, 23, 136, 1, 1, 1])
            #expect(signerInfo.digestAlgorithm.algorithm == hash.objectIdentifier)
            // The certificate bytes kept are the whole certificate: openssl reads them back.
            let certificate = try #require(sod.signedData.certificates.first)
            try OpenSSLTool.write(certificate, to: directory.appendingPathComponent("ds.der"))
            let subject = try await OpenSSLTool.run(["x509", "-inform", "DER", "-in", path("ds.der"), "-noout", "-subject"], in: directory)
            #expect(subject.stdoutText.contains("Test DS"))
            // The signed attributes, re-tagged as a SET, are exactly what the signature covers.
            try OpenSSLTool.write(try #require(signerInfo.signedAttributesForSignature), to: directory.appendingPathComponent("attrs.der"))
            try OpenSSLTool.write(signerInfo.signature, to: directory.appendingPathComponent("sig.bin"))
            try await OpenSSLTool.run(["x509", "-in", path("ds.pem"), "-pubkey", "-noout", "-out", path("ds.pub")], in: directory)
            let verify = try await OpenSSLTool.run(["dgst", "-\(hash.rawValue.lowercased())", "-verify", path("ds.pub"),
                                                    "-signature", path("sig.bin"), path("attrs.der")], in: directory)
            #expect(verify.stdoutText.contains("Verified OK"))
        }
    }
}
