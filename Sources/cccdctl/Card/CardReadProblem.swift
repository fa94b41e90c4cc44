import CCCDIdentity
import ChipProtocol

/// Failures of `cccdctl card read` itself, around the reader and chip layers' own typed errors;
/// the same error shape as theirs (stable code, bilingual message, operator diagnostic).
typealias CardReadProblem = CodedError<CardReadFailure>

enum CardReadFailure: String, ErrorReason {
    /// Readers exist but none holds a card (or the one named is empty).
    case noCard = "cli.card.noCard"
    /// `--out` or `--photo` could not be written.
    case outputUnwritable = "cli.card.outputUnwritable"
    /// DG2 was read but holds no face image this reader can extract.
    case noFaceImage = "cli.card.noFaceImage"
    /// An error of no known kind (a bug): the diagnostic names its type only.
    case unexpected = "cli.card.unexpected"

    var exitStatus: CardReadExitStatus {
        switch self {
        case .noCard: .unavailable
        case .outputUnwritable: .cannotWrite
        case .noFaceImage: .dataError
        case .unexpected: .internalError
        }
    }

    var message: LocalizedText {
        switch self {
        case .noCard:
            LocalizedText(vi: "Không có thẻ trên đầu đọc; hãy đặt thẻ lên đầu đọc", en: "No card in the reader; place the card on the reader")
        case .outputUnwritable:
            LocalizedText(vi: "Không ghi được tệp kết quả", en: "The output file cannot be written")
        case .noFaceImage:
            LocalizedText(vi: "Chip không có ảnh chân dung đọc được", en: "The chip holds no readable face image")
        case .unexpected:
            LocalizedText(vi: "Lỗi không mong đợi khi đọc chip", en: "Unexpected error while reading the chip")
        }
    }
}
