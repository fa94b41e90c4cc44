import CCCDIdentity
import LDS

/// DG1 (the MRZ) against DG13 (the citizen data), and the chip's ID number against its own date
/// of birth and sex. Both files are signed by the same issuer from the same record, so on a
/// genuine card they agree; a disagreement under a valid signature means an issuing error or a
/// forger holding a signing key — either way not a card to trust without a look.
enum DataGroupConsistency {
    static func checks(evidence: ChipEvidence) -> [VerificationCheck] {
        let citizen = evidence.citizen
        let mrz = evidence.mrz
        let missing = (left: evidence.mrzMissing, right: evidence.citizenMissing)
        func absent(_ field: String) -> (String, String) {
            (mrz == nil ? evidence.mrzMissing : "DG1 has no \(field)", citizen == nil ? evidence.citizenMissing : "DG13 has no \(field)")
        }
        var checks: [VerificationCheck] = []
        checks.append(FieldComparison.compare(VerificationCheck.Name.dg1dg13(.idNumber), evidence.mrzPersonalID, citizen?.idNumber,
                                              leftSource: "DG1", rightSource: "DG13", missing: absent("Vietnamese ID number")))
        checks.append(FieldComparison.name(VerificationCheck.Name.dg1dg13(.fullName), citizen?.fullName, mrz: mrz, textSource: "DG13",
                                           missing: (citizen == nil ? missing.right : "DG13 has no name", missing.left)))
        checks.append(FieldComparison.compare(VerificationCheck.Name.dg1dg13(.dateOfBirth), mrz?.dateOfBirth.text, citizen?.dateOfBirth?.yymmdd,
                                              leftSource: "DG1", rightSource: "DG13", missing: absent("full date of birth")))
        checks.append(FieldComparison.compare(VerificationCheck.Name.dg1dg13(.sex), mrz?.sex, citizen?.sex.map(MRZSex.init),
                                              leftSource: "DG1", rightSource: "DG13", missing: absent("sex")))
        checks.append(FieldComparison.compare(VerificationCheck.Name.dg1dg13(.expiry), mrz?.dateOfExpiry.text,
                                              citizen?.expiry?.cardExpiry?.mrzText,
                                              leftSource: "DG1", rightSource: "DG13", missing: absent("recognisable expiry")))
        checks.append(idNumberStructure(evidence))
        return checks
    }

    /// The ID's century-and-sex digit and birth year against the chip's date of birth and sex
    /// (DG13's, else DG1's with the century the ID itself encodes).
    private static func idNumberStructure(_ evidence: ChipEvidence) -> VerificationCheck {
        let name = VerificationCheck.Name.idNumberStructure
        guard let id = evidence.personalID else {
            return VerificationCheck(name, .notRun, detail: "no Vietnamese ID number on the chip (\(evidence.citizenMissing); \(evidence.mrzMissing))")
        }
        let birthYear = evidence.citizen?.dateOfBirth?.year
            ?? evidence.mrz?.dateOfBirth.components.map { 100 * (id.birthYear / 100) + $0.yy }
        guard let birthYear, let sex = evidence.citizen?.sex ?? evidence.mrz?.sex.sex else {
            return VerificationCheck(name, .notRun, detail: "the chip gives no full date of birth or no sex")
        }
        var problems: [String] = []
        if id.birthYear != birthYear { problems.append("the birth year") }
        if id.sex != sex { problems.append("the sex") }
        return problems.isEmpty
            ? VerificationCheck(name, .passed, detail: "the ID number encodes the chip's birth year and sex")
            : VerificationCheck(name, .failed, detail: "the ID number does not encode \(problems.joined(separator: " and ")) the chip gives")
    }
}
