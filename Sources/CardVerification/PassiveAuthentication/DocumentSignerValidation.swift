internal import COpenSSL
import Foundation

/// The document signer certificate against the trust store.
///
/// One `X509_verify_cert` with `X509_V_FLAG_NO_CHECK_TIME` decides the chain (signatures, CA
/// constraints, the CSCA's keyCertSign, revocation); the validity periods are then checked on
/// the verified chain at signing time and now, so the report says *which* certificate was out
/// of date *when*, and no signature is verified twice.
///
/// Flags, and why:
/// - `X509_V_FLAG_PARTIAL_CHAIN`: every certificate in the store is an anchor the admin chose,
///   including CSCA link certificates (new CSCA key signed by the old one), which are not
///   self-signed.
/// - `X509_V_FLAG_CRL_CHECK` only when a CRL published under the signer's issuer name is loaded:
///   CRLs are optional in the trust directory, and without this condition OpenSSL would fail
///   every card whose CSCA has no CRL loaded ("unable to get certificate CRL"). Only the
///   document signer is checked (not `CRL_CHECK_ALL`): CSCAs are revoked by removing them.
struct DocumentSignerValidation {
    let checks: [VerificationCheck]
    /// No trusted CSCA has the signer's issuer name and key identifier.
    let issuerUnknown: Bool
    let chainValid: Bool
    let keyUsageValid: Bool
    let revocationValid: Bool
    let validAtSigning: Bool
    let validNow: Bool
    let trustAnchor: X509Certificate?

    init(signer: X509Certificate, trust: TrustSnapshot, signingTime: Date, signingTimeSource: PassiveAuthenticationResult.SigningTimeSource, now: Date) {
        var checks: [VerificationCheck] = []
        keyUsageValid = signer.allowsDigitalSignature
        let candidates = trust.candidateIssuers(of: signer)
        issuerUnknown = candidates.isEmpty
        var chain: [X509Certificate] = [signer]
        if issuerUnknown {
            checks.append(VerificationCheck(VerificationCheck.Name.signerChain, .failed,
                                            detail: trust.certificates.isEmpty ? "no CSCA is trusted"
                                                : "no trusted CSCA issued this document signer (issuer \(signer.issuer))"))
            checks.append(VerificationCheck(VerificationCheck.Name.signerRevocation, .notRun, detail: "signer not chained"))
            (chainValid, revocationValid, trustAnchor) = (false, true, nil)
        } else {
            let crls = trust.revocationLists(coveringIssuerOf: signer)
            let verification = ChainVerification(signer: signer, store: trust.store, checkRevocation: !crls.isEmpty)
            // OpenSSL checks revocation before signatures: after a revocation failure, verify the
            // chain alone to report on it too.
            let chained = verification.failedOnRevocation
                ? ChainVerification(signer: signer, store: trust.store, checkRevocation: false) : verification
            chainValid = chained.succeeded
            trustAnchor = chained.succeeded ? chained.chain.last : nil
            chain = chained.succeeded ? chained.chain : [signer]
            checks.append(VerificationCheck(VerificationCheck.Name.signerChain, chained.succeeded ? .passed : .failed,
                                            detail: chained.succeeded ? "chains to \(trustAnchor?.subject ?? "")" : chained.errorText))
            let revocation: VerificationCheck
            if crls.isEmpty {
                revocation = VerificationCheck(VerificationCheck.Name.signerRevocation, .notRun, detail: "no CRL loaded for the issuer")
            } else if verification.failedOnRevocation {
                revocation = VerificationCheck(VerificationCheck.Name.signerRevocation, .failed, detail: verification.errorText)
            } else if !verification.succeeded {
                revocation = VerificationCheck(VerificationCheck.Name.signerRevocation, .notRun, detail: "the chain failed first")
            } else if crls.allSatisfy({ $0.isStale(at: now) }) {
                revocation = VerificationCheck(VerificationCheck.Name.signerRevocation, .failed,
                                               detail: "the issuer's CRL is past its nextUpdate: revocation status unknown")
            } else {
                revocation = VerificationCheck(VerificationCheck.Name.signerRevocation, .passed, detail: "not on the issuer's CRL")
            }
            revocationValid = revocation.status != .failed
            checks.append(revocation)
        }
        checks.append(VerificationCheck(VerificationCheck.Name.signerKeyUsage, keyUsageValid ? .passed : .failed,
                                        detail: keyUsageValid ? "digitalSignature" : "keyUsage absent or without digitalSignature"))
        let atSigning = Self.validity(of: chain, at: signingTime)
        validAtSigning = atSigning == nil
        let sourceText = signingTimeSource == .signedAttribute ? "signingTime attribute" : "no signingTime: document signer notBefore"
        checks.append(VerificationCheck(VerificationCheck.Name.signerValidityAtSigning, validAtSigning ? .passed : .failed,
                                        detail: atSigning.map { "\($0) (\(sourceText))" } ?? sourceText))
        let current = Self.validity(of: chain, at: now)
        validNow = current == nil
        checks.append(VerificationCheck(VerificationCheck.Name.signerValidityNow, validNow ? .passed : .failed,
                                        detail: current ?? "within validity"))
        self.checks = checks
    }

    /// Nil when every certificate of `chain` is valid at `date`; otherwise which one is not.
    private static func validity(of chain: [X509Certificate], at date: Date) -> String? {
        for (depth, certificate) in chain.enumerated() where !certificate.isValid(at: date) {
            let role = depth == 0 ? "document signer" : "CSCA \(certificate.subject)"
            let window = "\(certificate.notBefore.map(iso) ?? "?") – \(certificate.notAfter.map(iso) ?? "?")"
            return "\(role) valid \(window) only"
        }
        return nil
    }

    private static func iso(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

/// One `X509_verify_cert` of a document signer against a store, time checks off.
struct ChainVerification {
    let succeeded: Bool
    let error: Int32
    let errorText: String
    /// Signer first, trust anchor last.
    let chain: [X509Certificate]

    init(signer: X509Certificate, store: OpaquePointer, checkRevocation: Bool) {
        guard let context = X509_STORE_CTX_new() else {
            (succeeded, error, errorText, chain) = (false, -1, OpenSSLErrors.diagnostic("X509_STORE_CTX_new"), [])
            return
        }
        defer { X509_STORE_CTX_free(context) }
        var flags = UInt(X509_V_FLAG_PARTIAL_CHAIN) | UInt(X509_V_FLAG_NO_CHECK_TIME)
        if checkRevocation { flags |= UInt(X509_V_FLAG_CRL_CHECK) }
        let result: Int32 = withExtendedLifetime(signer) {
            guard X509_STORE_CTX_init(context, store, signer.handle, nil) == 1 else { return -1 }
            X509_STORE_CTX_set_flags(context, flags)
            X509_STORE_CTX_set_verify_cb(context, Self.acceptExplicitCurveParameters)
            return X509_verify_cert(context)
        }
        succeeded = result == 1
        error = X509_STORE_CTX_get_error(context)
        let reason = X509_verify_cert_error_string(Int(error)).map { String(cString: $0) } ?? "error \(error)"
        errorText = succeeded ? "" : "\(reason) (depth \(X509_STORE_CTX_get_error_depth(context)))"
        if succeeded, let stack = X509_STORE_CTX_get0_chain(context) {
            chain = (0..<cccd_x509_stack_count(stack)).compactMap { cccd_x509_stack_value(stack, $0) }
                .map(X509Certificate.init(retaining:))
        } else {
            chain = []
        }
        _ = OpenSSLErrors.drain()
    }

    /// OpenSSL 3.0 refuses a certificate whose EC key carries explicit curve parameters
    /// (`X509_V_ERR_EC_KEY_EXPLICIT_PARAMS`, a guard against curve-substitution attacks), but
    /// ICAO allows them and real document signers and CSCAs use them (German passports). The
    /// substitution risk does not apply here: each certificate, parameters included, is covered
    /// by its issuer's signature up to an anchor the admin chose. Every other error still fails.
    private static let acceptExplicitCurveParameters: @convention(c) (Int32, OpaquePointer?) -> Int32 = { ok, context in
        guard ok == 0, let context, X509_STORE_CTX_get_error(context) == X509_V_ERR_EC_KEY_EXPLICIT_PARAMS else { return ok }
        X509_STORE_CTX_set_error(context, X509_V_OK)
        return 1
    }

    /// The errors OpenSSL raises while checking revocation rather than the chain itself.
    static let revocationErrors: Set<Int32> = [
        X509_V_ERR_CERT_REVOKED, X509_V_ERR_UNABLE_TO_GET_CRL, X509_V_ERR_CRL_SIGNATURE_FAILURE,
        X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE, X509_V_ERR_CRL_NOT_YET_VALID, X509_V_ERR_CRL_HAS_EXPIRED,
        X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD, X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD,
        X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER, X509_V_ERR_KEYUSAGE_NO_CRL_SIGN, X509_V_ERR_DIFFERENT_CRL_SCOPE,
        X509_V_ERR_CRL_PATH_VALIDATION_ERROR, X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION,
    ]

    var failedOnRevocation: Bool { !succeeded && Self.revocationErrors.contains(error) }
}
