internal import COpenSSL
import ICAOCrypto
import LDS

/// The SOD's CMS signature: structure, content type, signature and messageDigest.
///
/// `CMS_verify` with `CMS_NO_SIGNER_CERT_VERIFY` checks the signature and the content digest
/// without the certificate chain (checked separately against the trust store, so a missing CSCA
/// is not mistaken for a forged signature). When it fails, `CMS_SignerInfo_verify` (signed
/// attributes only) and our own messageDigest comparison tell a forged signature from altered
/// content, so the checks say which one failed.
struct SODSignatureVerification {
    var checks: [VerificationCheck] = []
    /// Set when the SOD cannot be checked at all.
    var malformed: MalformedSOD?
    var signatureValid = false
    var cms: CMSSignedData?
    var signer: X509Certificate?

    static let ldsSecurityObject = "2.23.136.1.1.1"

    init(sod: EFSOD, crypto: any ICAOCryptography) {
        guard let (cms, signer, signerInfo, messageDigest) = structure(of: sod) else { return }
        guard contentTypes(of: sod, cms: cms, signerInfo: signerInfo) else { return }

        // Our own messageDigest comparison, independent of OpenSSL's.
        let content = sod.signedData.encapsulatedContent.content ?? []
        let digestCheck: VerificationCheck
        var digestMatches = false
        if let algorithm = HashAlgorithm(objectIdentifier: signerInfo.digestAlgorithm.algorithm),
           let digest = try? crypto.hash(algorithm, content) {
            digestMatches = digest.count == messageDigest.count
                && zip(digest, messageDigest).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
            digestCheck = VerificationCheck(VerificationCheck.Name.sodMessageDigest, digestMatches ? .passed : .failed,
                                            detail: digestMatches ? algorithm.rawValue
                                                : "\(algorithm.rawValue) of the security object differs from messageDigest")
        } else {
            digestCheck = VerificationCheck(VerificationCheck.Name.sodMessageDigest, .notSupported,
                                            detail: "digest algorithm \(signerInfo.digestAlgorithm.algorithm)")
        }

        let signatureCheck: VerificationCheck
        switch cms.verifySignature() {
        case .success(let verifiedContent):
            signatureCheck = VerificationCheck(VerificationCheck.Name.sodSignature, .passed, detail: "signed with \(signer.publicKey)")
            if verifiedContent != content {
                malformed = MalformedSOD(.parserDisagreement, diagnostic: "OpenSSL's eContent differs from the LDS parser's")
            }
        case .failure(let failure):
            let attributesVerify = cms.verifySignedAttributes()
            signatureCheck = VerificationCheck(VerificationCheck.Name.sodSignature, attributesVerify && !digestMatches ? .passed : .failed,
                                               detail: attributesVerify ? "signed attributes verify; \(failure.diagnostic)" : failure.diagnostic)
        }
        checks += [signatureCheck, digestCheck]
        signatureValid = signatureCheck.status == .passed && digestCheck.status == .passed
    }

    /// OpenSSL's parse, one signer with its certificate inside, signed attributes with a
    /// messageDigest, and the unsigned fields consistent. Nil (with ``malformed`` set) otherwise.
    private mutating func structure(of sod: EFSOD) -> (CMSSignedData, X509Certificate, SignerInfo, [UInt8])? {
        do {
            cms = try CMSSignedData(sod.contentInfo)
        } catch .unparsable(let reason) {
            return stop(.unparsable, "OpenSSL cannot parse the CMS: \(reason)")
        } catch {
            return stop(.unparsable, "ContentInfo is not id-signedData")
        }
        guard let cms else { return nil }
        guard cms.signerInfos.count == 1, let signerInfo = sod.signerInfo else {
            return stop(.signerCount, "\(cms.signerInfos.count) SignerInfos, ICAO requires one")
        }
        signer = cms.locateSignerCertificate()
        guard let signer else { return stop(.noSignerCertificate, "no certificate in the SOD matches the SignerInfo") }
        guard signerInfo.signedAttributesEncoded != nil, let messageDigest = signerInfo.messageDigest else {
            return stop(.noSignedAttributes, "no signed attributes or no messageDigest")
        }
        // Fields no signature covers and OpenSSL does not read: refused when inconsistent, so a
        // SOD that passes is exactly what it says it is.
        if let problem = Self.versionProblem(sod) ?? cms.signerAlgorithmMismatch(signer: signer) {
            return stop(.inconsistentSignerInfo, problem)
        }
        checks.append(VerificationCheck(VerificationCheck.Name.sodStructure, .passed, detail: "CMS SignedData, one signer, certificate inside"))
        return (cms, signer, signerInfo, messageDigest)
    }

    /// eContentType and the signed contentType attribute are both id-ldsSecurityObject.
    private mutating func contentTypes(of sod: EFSOD, cms: CMSSignedData, signerInfo: SignerInfo) -> Bool {
        let attributeType = signerInfo.contentType.map { "\($0)" } ?? "absent"
        guard cms.encapsulatedContentType == Self.ldsSecurityObject, attributeType == Self.ldsSecurityObject else {
            let stopped: Bool? = stop(.wrongContentType, "eContentType \(cms.encapsulatedContentType), contentType attribute \(attributeType)",
                                      check: VerificationCheck.Name.sodContentType)
            return stopped ?? false
        }
        checks.append(VerificationCheck(VerificationCheck.Name.sodContentType, .passed, detail: Self.ldsSecurityObject))
        return true
    }

    private mutating func stop<T>(_ reason: MalformedSODReason, _ detail: String,
                                  check: String = VerificationCheck.Name.sodStructure) -> T? {
        checks.append(VerificationCheck(check, .failed, detail: detail))
        malformed = MalformedSOD(reason, diagnostic: detail)
        return nil
    }

    /// SignedData version 3 (RFC 5652 §5.1 for a non-data eContentType; 1 tolerated for early
    /// SODs [?]); SignerInfo version 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier.
    static func versionProblem(_ sod: EFSOD) -> String? {
        guard [1, 3].contains(sod.signedData.version) else { return "SignedData version \(sod.signedData.version)" }
        guard let signer = sod.signerInfo else { return "not exactly one SignerInfo" }
        let expected = if case .subjectKeyIdentifier = signer.signerIdentifier { 3 } else { 1 }
        return signer.version == expected ? nil : "SignerInfo version \(signer.version) with its signer identifier"
    }
}
