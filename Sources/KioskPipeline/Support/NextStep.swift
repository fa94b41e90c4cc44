public import CardVerification
public import CCCDIdentity
public import Eligibility

/// What the desk should do now, from the BHYT answer and the card's verdict.
///
/// A card verdict that is not authentic outranks a good BHYT answer: the answer is about the
/// identity on the card, and the card itself is in doubt.
public enum NextStep {
    public static func advice(for outcome: EligibilityClass?, verdict: CardVerdict.Kind?) -> LocalizedText {
        switch verdict {
        case .invalid?:
            return LocalizedText(vi: "Thẻ không hợp lệ: không tiếp nhận bằng thẻ này, đề nghị xuất trình giấy tờ khác.",
                                 en: "The card is not valid: do not admit on this card, ask for another document.")
        case .suspicious?:
            return LocalizedText(vi: "Thẻ có dấu hiệu bất thường: đối chiếu giấy tờ và khuôn mặt trước khi tiếp nhận.",
                                 en: "The card looks suspicious: check documents and face before admitting.")
        default:
            break
        }
        switch outcome {
        case .eligible?:
            return LocalizedText(vi: "Tiếp nhận khám chữa bệnh BHYT.", en: "Admit under BHYT.")
        case .eligibleCheckDocuments?:
            return LocalizedText(vi: "Kiểm tra giấy tờ theo ghi chú trước khi tiếp nhận BHYT.",
                                 en: "Check the documents the note asks for before admitting under BHYT.")
        case .notEligible?:
            return LocalizedText(vi: "Không đủ điều kiện hưởng BHYT hôm nay: hướng dẫn người bệnh khám dịch vụ.",
                                 en: "Not covered by BHYT today: guide the patient to self-pay.")
        case .notFound?, .demographicMismatch?:
            return LocalizedText(vi: "Đối chiếu họ tên, ngày sinh với người bệnh; nhập thủ công nếu cần.",
                                 en: "Check name and date of birth with the patient; enter manually if needed.")
        case .transient?, .skipped?:
            return LocalizedText(vi: "Không kết nối được cổng BHXH — tiếp nhận thủ công, hệ thống sẽ tra cứu lại.",
                                 en: "The BHXH gateway cannot be reached — admit manually, the system will look up again.")
        case .badInput?:
            return LocalizedText(vi: "Thông tin tra cứu không hợp lệ: nhập lại thủ công.", en: "The lookup data is not valid: enter it manually.")
        case .configurationError?, .manualReview?:
            return LocalizedText(vi: "Tiếp nhận thủ công và báo quản trị hệ thống.", en: "Admit manually and tell the system administrator.")
        case nil:
            return LocalizedText(vi: "Quét mã QR trên thẻ và đặt thẻ lên đầu đọc.", en: "Scan the QR on the card and place the card on the reader.")
        }
    }
}
