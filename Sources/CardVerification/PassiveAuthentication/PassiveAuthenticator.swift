internal import COpenSSL
public import Foundation
public import ICAOCrypto
public import LDS

/// How strict Passive Authentication is where the ICAO rules leave a choice to the reader.
public struct PassiveAuthenticationPolicy: Sendable, Hashable {
    /// What a document signer whose issuer is not in the trust store yields.
    public enum UnknownIssuer: String, Sendable, Hashable {
        /// ``PassiveAuthenticationOutcome/validUnchained`` (the default): whether Vietnam's ID-card
        /// signers chain to a published CSCA is unknown [?], and a missing CSCA must not make
        /// genuine cards look forged.
        case unchained
        /// ``PassiveAuthenticationOutcome/untrustedSigner``: for a deployment whose trust store
        /// is known to be complete.
        case untrusted
    }

    public var unknownIssuer: UnknownIssuer

    public init(unknownIssuer: UnknownIssuer = .unchained) {
        self.unknownIssuer = unknownIssuer
    }
}

/// Passive Authentication (Doc 9303-11 §5.1): proves the data groups read are the ones the
/// issuing state signed, and says whose key signed them.
///
/// Steps, each reported as a ``VerificationCheck``: EF.SOD parsed by OpenSSL
/// (`d2i_CMS_ContentInfo`), eContentType and contentType attribute, the signature over the
/// signed attributes and the messageDigest (`CMS_verify` without chain), every data group's
/// hash, and the document signer certificate against the ``TrustSnapshot`` (`X509_verify_cert`),
/// its keyUsage, revocation and validity at signing time and now.
///
/// Outcome precedence: malformed, then bad signature, then hash mismatch (a signature that does
/// not verify makes the hash list meaningless), then the signer. For the signer: an unknown
/// issuer gives `validUnchained` whatever the dates (a certificate nobody vouches for proves
/// nothing by its dates; the validity checks are still reported, e.g. the public sample
/// passports' expired signers); a known issuer whose chain, keyUsage or revocation fails gives
/// `untrustedSigner`; a chained signer out of its dates gives `expired`.
public struct PassiveAuthenticator: Sendable {
    public let trust: TrustSnapshot
    public let policy: PassiveAuthenticationPolicy
    private let crypto: any ICAOCryptography

    public init(trust: TrustSnapshot, policy: PassiveAuthenticationPolicy = PassiveAuthenticationPolicy(),
                crypto: any ICAOCryptography = OpenSSLCrypto()) {
        self.trust = trust
        self.policy = policy
        self.crypto = crypto
    }

    /// Verifies the files read from one chip (EF.SOD and the data groups), at `now`.
    public func verify(_ files: LDSFileSet, now: Date = Date()) -> PassiveAuthenticationResult {
        guard files[.sod] != nil else {
            return Self.stopped(.missingSOD, detail: "EF.SOD was not read", checks: [])
        }
        let sod: EFSOD
        do {
            guard let parsed = try files.sod() else { return Self.stopped(.missingSOD, detail: "EF.SOD was not read", checks: []) }
            sod = parsed
        } catch {
            return Self.stopped(.unparsable, detail: "\(error.code): \(error.diagnostic ?? "")", checks: [])
        }
        return verify(sod, files: files, now: now)
    }

    private func verify(_ sod: EFSOD, files: LDSFileSet, now: Date) -> PassiveAuthenticationResult {
        let signature = SODSignatureVerification(sod: sod, crypto: crypto)
        var checks = signature.checks
        guard let cms = signature.cms, let signer = signature.signer, let signerInfo = cms.signerInfos.first else {
            return PassiveAuthenticationResult(outcome: .malformed(signature.malformed ?? MalformedSOD(.unparsable)), checks: checks,
                                               documentSigner: signature.signer, trustAnchor: nil, signingTime: nil,
                                               signingTimeSource: nil, hashAlgorithm: nil, verifiedDataGroups: [])
        }
        let hashes = DataGroupHashVerification(files: files, sod: sod, crypto: crypto)
        checks += hashes.checks

        var signingTimeValue: UnsafePointer<ASN1_TIME>?
        let timeStatus = cccd_signer_signing_time(signerInfo, &signingTimeValue)
        let signingTime: Date?
        let source: PassiveAuthenticationResult.SigningTimeSource
        if timeStatus == 1 {
            (signingTime, source) = (ASN1Time.date(signingTimeValue), .signedAttribute)
        } else {
            (signingTime, source) = (signer.notBefore, .documentSignerNotBefore)
        }
        var malformed = signature.malformed ?? hashes.malformed
        if timeStatus == -1 || signingTime == nil {
            malformed = malformed ?? MalformedSOD(.invalidSigningTime, diagnostic: "signingTime is not a time")
        }
        let validation = DocumentSignerValidation(signer: signer, trust: trust, signingTime: signingTime ?? now,
                                                  signingTimeSource: source, now: now)
        checks += validation.checks

        let outcome: PassiveAuthenticationOutcome
        if let malformed {
            outcome = .malformed(malformed)
        } else if !signature.signatureValid {
            outcome = .badSignature
        } else if let first = hashes.mismatches.first {
            outcome = .hashMismatch(first)
        } else if validation.issuerUnknown {
            outcome = policy.unknownIssuer == .unchained ? .validUnchained : .untrustedSigner
        } else if !validation.chainValid || !validation.keyUsageValid || !validation.revocationValid {
            outcome = .untrustedSigner
        } else if !validation.validAtSigning || !validation.validNow {
            outcome = .expired
        } else {
            outcome = .valid
        }
        return PassiveAuthenticationResult(outcome: outcome, checks: checks, documentSigner: signer,
                                           trustAnchor: validation.trustAnchor, signingTime: signingTime,
                                           signingTimeSource: source, hashAlgorithm: hashes.hashAlgorithm,
                                           verifiedDataGroups: hashes.verified)
    }

    private static func stopped(_ reason: MalformedSODReason, detail: String, checks: [VerificationCheck]) -> PassiveAuthenticationResult {
        PassiveAuthenticationResult(outcome: .malformed(MalformedSOD(reason, diagnostic: detail)),
                                    checks: checks + [VerificationCheck(VerificationCheck.Name.sodStructure, .failed, detail: detail)],
                                    documentSigner: nil, trustAnchor: nil, signingTime: nil, signingTimeSource: nil,
                                    hashAlgorithm: nil, verifiedDataGroups: [])
    }
}
