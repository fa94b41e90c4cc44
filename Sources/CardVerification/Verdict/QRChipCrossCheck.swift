import CCCDIdentity
import LDS

/// The QR printed on the card against the chip: the chip is signed, the QR is not, so a
/// disagreement means the QR (or the card body) is not this chip's — or a different card.
///
/// Each field is compared with DG13 (with diacritics) and, when DG13 lacks it, with DG1: the ID
/// in the MRZ's optional data, the name without diacritics, the date of birth as `YYMMDD`, the
/// sex letter. The issue date exists only in DG13.
enum QRChipCrossCheck {
    static func checks(qr: CitizenQR, evidence: ChipEvidence) -> [VerificationCheck] {
        let citizen = evidence.citizen
        let mrz = evidence.mrz
        let noChip = "neither DG13 nor DG1 gives it (\(evidence.citizenMissing); \(evidence.mrzMissing))"
        let qrMissing = "the QR has no such field"
        var checks: [VerificationCheck] = []

        let idName = VerificationCheck.Name.qrChip(.idNumber)
        if let id = citizen?.idNumber {
            checks.append(FieldComparison.compare(idName, qr.personalID, id, leftSource: "QR", rightSource: "DG13", missing: (qrMissing, noChip)))
        } else {
            checks.append(FieldComparison.compare(idName, qr.personalID, evidence.mrzPersonalID, leftSource: "QR", rightSource: "DG1",
                                                  missing: (qrMissing, noChip)))
        }

        let fullName = VerificationCheck.Name.qrChip(.fullName)
        if let name = citizen?.fullName {
            checks.append(FieldComparison.names(fullName, qr.fullName, name, leftSource: "QR", rightSource: "DG13", missing: (qrMissing, noChip)))
        } else {
            checks.append(FieldComparison.name(fullName, qr.fullName, mrz: mrz, textSource: "QR", missing: (qrMissing, noChip)))
        }

        let birthName = VerificationCheck.Name.qrChip(.dateOfBirth)
        if let birth = citizen?.dateOfBirth {
            checks.append(FieldComparison.compare(birthName, qr.dateOfBirth, birth, leftSource: "QR", rightSource: "DG13", missing: (qrMissing, noChip)))
        } else if citizen?.partialDateOfBirth != nil {
            checks.append(VerificationCheck(birthName, .notRun, detail: "DG13 gives only part of the date of birth"))
        } else {
            checks.append(FieldComparison.compare(birthName, qr.dateOfBirth.yymmdd, mrz?.dateOfBirth.text, leftSource: "QR",
                                                  rightSource: "DG1", missing: (qrMissing, noChip)))
        }

        let sexName = VerificationCheck.Name.qrChip(.sex)
        if let sex = citizen?.sex {
            checks.append(FieldComparison.compare(sexName, qr.sex, sex, leftSource: "QR", rightSource: "DG13", missing: (qrMissing, noChip)))
        } else {
            checks.append(FieldComparison.compare(sexName, MRZSex(qr.sex), mrz?.sex, leftSource: "QR", rightSource: "DG1",
                                                  missing: (qrMissing, noChip)))
        }

        checks.append(FieldComparison.compare(VerificationCheck.Name.qrChip(.issueDate), qr.issueDate, citizen?.issueDate,
                                              leftSource: "QR", rightSource: "DG13",
                                              missing: (qrMissing, citizen == nil ? evidence.citizenMissing : "DG13 has no issue date")))
        return checks
    }
}
