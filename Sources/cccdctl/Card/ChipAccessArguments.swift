import ArgumentParser
import CCCDIdentity
import ChipProtocol

/// `--can`, `--qr` or `--mrz`: exactly one says how to open the chip.
struct ChipAccessArguments: ParsableArguments {
    @Option(help: ArgumentHelp("The 6-digit card access number (a CCCD's is the last 6 digits of its ID).", valueName: "CAN"))
    var can: String?

    @Option(help: ArgumentHelp("The card's QR payload: PACE with its CAN, then BAC with each expiry it allows.", valueName: "PAYLOAD"))
    var qr: String?

    @Option(help: ArgumentHelp("MRZ data of any ICAO document: document number, birth and expiry as YYMMDD.", valueName: "DOC,YYMMDD,YYMMDD"))
    var mrz: String?

    func validate() throws {
        let given = [can, qr, mrz].compactMap { $0 }.count
        guard given == 1 else { throw ValidationError("give exactly one of --can, --qr or --mrz") }
        _ = try credentials()
    }

    /// The QR given with `--qr`, to open the chip and to compare with it; nil without `--qr`.
    func citizenQR() throws -> CitizenQR? {
        try qr.map(Self.citizenQR(payload:))
    }

    /// A chip ID card's QR payload, or a usage error saying why not.
    static func citizenQR(payload: String) throws -> CitizenQR {
        let scanned: ScannedQR
        do {
            scanned = try ScannedQR.parse(payload)
        } catch {
            throw ValidationError("--qr: \(error.operatorText()) [\(error.code)]")
        }
        guard case .cccd(let citizen) = scanned else {
            throw ValidationError("--qr must be a chip ID card's QR, not a health-insurance card's")
        }
        return citizen
    }

    /// The credentials the reader tries, in its order (PACE first, then BAC).
    func credentials() throws -> ChipCredentials {
        if let can {
            guard let number = CardAccessNumber(can) else { throw ValidationError("--can must be exactly 6 digits") }
            return ChipCredentials(cardAccessNumber: number)
        }
        if let qr {
            return ChipCredentials(qr: try Self.citizenQR(payload: qr))
        }
        let parts = (mrz ?? "").split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).uppercased()
        }
        guard parts.count == 3,
              let material = BACKeyMaterial(documentNumber: parts[0], dateOfBirth: parts[1], dateOfExpiry: parts[2])
        else {
            throw ValidationError("--mrz must be DOCUMENT,YYMMDD,YYMMDD (document number, date of birth, date of expiry)")
        }
        return ChipCredentials(mrz: material)
    }
}
