import ChipProtocol
import LDS

/// Active and Chip Authentication as checks, each counted only when Passive Authentication bound
/// its key: DG15 (AA) or DG14 (CA) matched its hash under a valid SOD signature.
///
/// A key the SOD does not vouch for proves nothing — a clone serving its own DG15 signs our
/// challenge perfectly (the gmrtd #349 bypass) — so an unbound key gives `notRun` ("not
/// proven"), never `passed`, whatever the protocol said.
struct CloneDetection {
    let checks: [VerificationCheck]
    /// The chip offers AA or CA (DG15, or DG14 with a CA key, listed in the SOD or read).
    let offered: Bool
    let anyPassed: Bool
    let anyFailed: Bool

    init(chipAuthentication: ChipAuthenticationOutcome?, activeAuthentication: ActiveAuthenticationOutcome?,
         passive: PassiveAuthenticationResult, evidence: ChipEvidence) {
        let signatureValid = passive.outcome.signatureValid
        func bound(_ group: DataGroup) -> Bool { signatureValid && passive.verifiedDataGroups.contains(group) }

        let aaOffered = evidence.dataGroupsOffered.contains(.dg15)
        let caOffered = evidence.dataGroupsOffered.contains(.dg14) && evidence.dg14.map { !$0.chipAuthenticationPublicKeys.isEmpty } ?? true
        let aa = Self.activeAuthenticationCheck(activeAuthentication, offered: aaOffered, bound: bound(.dg15))
        let ca = Self.chipAuthenticationCheck(chipAuthentication, offered: caOffered, bound: bound(.dg14))
        checks = [aa, ca]
        offered = aaOffered || caOffered
        anyPassed = checks.contains { $0.status == .passed }
        anyFailed = checks.contains { $0.status == .failed }
    }

    private static func activeAuthenticationCheck(_ outcome: ActiveAuthenticationOutcome?, offered: Bool, bound: Bool) -> VerificationCheck {
        let name = VerificationCheck.Name.activeAuthentication
        guard let outcome else {
            return VerificationCheck(name, .notRun, detail: offered ? "the chip offers DG15 but AA did not run" : "the chip has no DG15")
        }
        guard bound else {
            return VerificationCheck(name, .notRun, detail: "not proven: Passive Authentication did not bind DG15 (AA \(outcome.status.rawValue))")
        }
        return switch outcome.status {
        case .signatureValid: VerificationCheck(name, .passed, detail: outcome.signatureScheme)
        case .signatureInvalid: VerificationCheck(name, .failed, detail: "the signature over our challenge does not verify with DG15's key: \(outcome.detail ?? "")")
        case .chipRefused: VerificationCheck(name, .failed, detail: "the chip refused INTERNAL AUTHENTICATE: \(outcome.detail ?? "")")
        case .unsupported: VerificationCheck(name, .notSupported, detail: outcome.detail)
        }
    }

    private static func chipAuthenticationCheck(_ outcome: ChipAuthenticationOutcome?, offered: Bool, bound: Bool) -> VerificationCheck {
        let name = VerificationCheck.Name.chipAuthentication
        guard let outcome else {
            return VerificationCheck(name, .notRun, detail: offered ? "the chip offers a DG14 key but CA did not run" : "the chip offers no DG14 key")
        }
        guard bound else {
            return VerificationCheck(name, .notRun, detail: "not proven: Passive Authentication did not bind DG14 (CA \(outcome.status.rawValue))")
        }
        let detail = [outcome.protocolName, outcome.detail].compactMap { $0 }.joined(separator: ": ")
        return switch outcome.status {
        case .verified: VerificationCheck(name, .passed, detail: outcome.protocolName)
        case .keysNotConfirmed: VerificationCheck(name, .failed, detail: "the chip did not prove DG14's private key: \(detail)")
        case .chipRefused: VerificationCheck(name, .failed, detail: "the chip refused Chip Authentication: \(detail)")
        case .unsupported: VerificationCheck(name, .notSupported, detail: detail)
        }
    }
}

extension PassiveAuthenticationOutcome {
    /// The SOD's signature verified (whatever the hashes and the signer): the data groups whose
    /// hashes matched are then bound to the SOD's signer.
    var signatureValid: Bool {
        switch self {
        case .valid, .validUnchained, .untrustedSigner, .expired, .hashMismatch: true
        case .badSignature, .malformed: false
        }
    }
}
