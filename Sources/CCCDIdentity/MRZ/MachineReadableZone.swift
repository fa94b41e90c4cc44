/// A parsed machine-readable zone, TD1 (ID cards), TD2 or TD3 (passports), every check digit
/// verified.
///
/// The same type serves the printed MRZ and DG1 of the chip (which stores the zone as one
/// concatenated string), for Vietnamese cards and for other countries' documents.
public struct MachineReadableZone: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        /// 3 lines × 30: identity cards.
        case td1
        /// 2 lines × 36.
        case td2
        /// 2 lines × 44: passports.
        case td3

        var lineLength: Int {
            switch self {
            case .td1: 30
            case .td2: 36
            case .td3: 44
            }
        }

        var lineCount: Int { self == .td1 ? 3 : 2 }
    }

    public let format: Format
    /// `ID`, `P`, `I`… with trailing fillers removed.
    public let documentCode: String
    /// Three-letter issuing state (`VNM`, `UTO`).
    public let issuingState: String
    /// The document number without fillers (may exceed 9 characters on TD1/TD2 cards).
    public let documentNumber: String
    public let dateOfBirth: MRZDate
    public let sex: MRZSex
    public let dateOfExpiry: MRZDate
    public let nationality: String
    /// TD1 line 1 optional data (after any long document number); TD2 optional data; TD3
    /// personal number. Fillers kept, so positions stay meaningful.
    public let optionalData: String
    /// TD1 line 2 optional data; empty for TD2 and TD3.
    public let optionalData2: String
    public let name: MRZName
    /// The lines exactly as parsed.
    public let lines: [String]

    /// Parses newline-separated lines or the concatenated DG1 form; spaces and CR are ignored.
    public init(parsing text: some StringProtocol) throws(MRZError) {
        let characters = Array(text.utf8).filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: " ") }
        let format: Format
        switch characters.count {
        case 90: format = .td1
        case 72: format = .td2
        case 88: format = .td3
        default: throw .length(characters.count)
        }
        if let offset = characters.firstIndex(where: { MRZCheckDigit.value(of: $0) == nil }) {
            throw .invalidCharacter(at: offset)
        }
        let lines = (0..<format.lineCount).map { index in
            String(decoding: characters[(index * format.lineLength)..<((index + 1) * format.lineLength)], as: UTF8.self)
        }
        self = try format == .td1 ? MRZLayout.parseTD1(lines) : MRZLayout.parseTD2OrTD3(lines, format: format)
    }

    init(format: Format, documentCode: String, issuingState: String, documentNumber: String,
         dateOfBirth: MRZDate, sex: MRZSex, dateOfExpiry: MRZDate, nationality: String,
         optionalData: String, optionalData2: String, name: MRZName, lines: [String]) {
        self.format = format
        self.documentCode = documentCode
        self.issuingState = issuingState
        self.documentNumber = documentNumber
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.dateOfExpiry = dateOfExpiry
        self.nationality = nationality
        self.optionalData = optionalData
        self.optionalData2 = optionalData2
        self.name = name
        self.lines = lines
    }

    /// The BAC key material this MRZ yields (document number, birth and expiry dates).
    public var bacKeyMaterial: BACKeyMaterial {
        BACKeyMaterial(unchecked: documentNumber, dateOfBirth: dateOfBirth.text, dateOfExpiry: dateOfExpiry.text)
    }
}
