import CCCDTestSupport
import CardVerification
import Foundation
import ICAOCrypto
import LDS

/// An invented card's data groups, signed into an EF.SOD by `openssl cms` with a test PKI.
struct SignedLDS {
    var files: LDSFileSet
    let securityObject: LDSSecurityObject

    /// DG1, DG2 and DG13 of an invented holder (never a real person).
    static func dataGroups() throws -> [DataGroup: [UInt8]] {
        let citizen = VietnameseCitizenData(fullName: "Trần Văn Thử", nationality: "Việt Nam", ethnicity: "Kinh",
                                            placeOfResidence: "Số 9 đường Giả Định, Phường Mẫu, Hà Nội")
        return [
            .dg1: try DataGroup1.encode(lines: ["IDVNM0099000001<<<<<<<<<<<<<<<", "9001011M3001012VNM<<<<<<<<<<<2",
                                                "TRAN<<VAN<THU<<<<<<<<<<<<<<<<<"]),
            .dg2: [0x75, 0x04, 0x7F, 0x61, 0x01, 0x00],
            .dg13: try DataGroup13.encode(citizen),
        ]
    }

    /// Signs the hashes of ``dataGroups()`` with `signer`.
    static func make(signer: TestKeyPair, hash: HashAlgorithm = .sha256, scheme: TestSignatureScheme = .keyDefault,
                     byKeyIdentifier: Bool = false, in directory: URL) async throws -> SignedLDS {
        let groups = try dataGroups()
        let object = try LDSSecurityObject.hashing(groups, with: hash)
        let cms = try await signWithOpenSSLCMS(try object.derEncoded(), signer: signer, digest: hash.rawValue.lowercased().replacingOccurrences(of: "-", with: ""),
                                               scheme: scheme, identifySignerByKeyIdentifier: byKeyIdentifier, in: directory)
        var files = LDSFileSet()
        files[.sod] = EFSOD.encode(contentInfo: cms)
        for (group, bytes) in groups { files[.dataGroup(group)] = bytes }
        return SignedLDS(files: files, securityObject: object)
    }

    /// Writes the files as `card read --out` does (`EF.SOD.bin`, `DG1.bin`…).
    func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (file, bytes) in files.files {
            try Data(bytes).write(to: directory.appendingPathComponent(file.fileName))
        }
    }
}

/// A CSCA and one document signer under it, on one algorithm.
struct TestChain {
    let csca: TestCSCA
    let signer: TestKeyPair

    static func make(_ key: TestKeyAlgorithm, in directory: URL, name: String = "csca",
                     subject: String = "/C=VN/O=Test Issuing Authority/CN=Test CSCA") async throws -> TestChain {
        let csca = try await TestCSCA.create(in: directory, name: name, subject: subject, key: key)
        let signer = try await csca.issueDocumentSigner(name: "ds", subject: "/C=VN/O=Test Issuing Authority/CN=Test Document Signer", key: key)
        return TestChain(csca: csca, signer: signer)
    }

    /// A snapshot trusting only this chain's CSCA.
    func trust(crls: [URL] = []) throws -> TrustSnapshot {
        try TrustSnapshot.load(TrustSources(cscaFiles: [csca.files.certificate], crlFiles: crls))
    }
}

func verify(_ lds: SignedLDS, trust: TrustSnapshot, policy: PassiveAuthenticationPolicy = PassiveAuthenticationPolicy(),
            now: Date = Date()) -> PassiveAuthenticationResult {
    PassiveAuthenticator(trust: trust, policy: policy).verify(lds.files, now: now)
}

/// Each check's status by name, for compact expectations.
extension PassiveAuthenticationResult {
    func status(_ name: String) -> VerificationCheck.Status? { check(name)?.status }
}
