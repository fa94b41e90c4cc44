import ICAOCrypto
import LDS

/// Every data group read compared with its hash in the LDS security object.
struct DataGroupHashVerification {
    let checks: [VerificationCheck]
    /// Groups whose hash differs or that the SOD does not list, in number order.
    let mismatches: [DataGroup]
    let verified: [DataGroup]
    let hashAlgorithm: String?
    let malformed: MalformedSOD?

    init(files: LDSFileSet, sod: EFSOD, crypto: any ICAOCryptography) {
        let object = sod.securityObject
        let algorithm = try? object.hashFunction
        hashAlgorithm = algorithm?.rawValue
        let results: [DataGroup: DataGroupHashCheck]
        do {
            results = try files.hashChecks(against: sod, using: crypto)
        } catch {
            checks = [VerificationCheck(VerificationCheck.Name.dataGroupHash("all"), .notSupported,
                                        detail: "hash algorithm \(object.hashAlgorithm.algorithm)")]
            (mismatches, verified) = ([], [])
            malformed = MalformedSOD(.unsupportedHashAlgorithm, diagnostic: "\(object.hashAlgorithm.algorithm)")
            return
        }
        var checks: [VerificationCheck] = []
        var mismatches: [DataGroup] = []
        var verified: [DataGroup] = []
        let listed = Set(object.dataGroups)
        for group in Set(results.keys).union(listed).sorted() {
            let name = VerificationCheck.Name.dataGroupHash(group.description)
            switch results[group] {
            case .match?:
                verified.append(group)
                checks.append(VerificationCheck(name, .passed, detail: algorithm?.rawValue))
            case .mismatch?:
                mismatches.append(group)
                checks.append(VerificationCheck(name, .failed, detail: "the file read differs from its hash in the SOD"))
            case .notListed?:
                mismatches.append(group)
                checks.append(VerificationCheck(name, .failed, detail: "the SOD lists no hash for this file"))
            case nil:
                checks.append(VerificationCheck(name, .notRun, detail: "listed in the SOD, not read"))
            }
        }
        self.checks = checks
        self.mismatches = mismatches
        self.verified = verified
        self.malformed = results.isEmpty ? MalformedSOD(.noDataGroups, diagnostic: "no DG file next to EF.SOD") : nil
    }
}
