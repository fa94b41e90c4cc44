public import CCCDIdentity

/// What a result code asks the client to do.
public enum ResultDisposition: Sendable, Hashable {
    /// The code settles the question.
    case classify(EligibilityClass)
    /// 003: the queried card expired and a new one was issued — ask again once with `maTheMoi`.
    case requeryWithNewCard
    /// 004: the old card is still valid and a new one exists — decide on the visit date from both ranges.
    case judgeOnVisitDate
    /// 401: log in again once and retry; if it persists, the account is misconfigured.
    case reauthenticate
}

/// One row of the table in spec §4.
public struct ResultCodeRule: Sendable, Hashable {
    public var code: String
    public var disposition: ResultDisposition
    /// The official meaning, translated; shown to the desk.
    public var meaning: LocalizedText
}

/// The result codes of `KQNhanLichSuKCB2024` as data, so the mapping is reviewable in one place and
/// tests iterate it instead of restating it. Clients in the wild disagree on 003 and 130 and one maps
/// 053/054 wrongly; this follows the spec's table.
public struct ResultCodeTable: Sendable {
    public let rules: [String: ResultCodeRule]

    public init(_ rules: [ResultCodeRule]) {
        self.rules = Dictionary(rules.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The rule for `code`; unknown codes go to a person rather than being guessed at.
    public func rule(for code: String) -> ResultCodeRule {
        rules[code] ?? ResultCodeRule(
            code: code, disposition: .classify(.manualReview),
            meaning: LocalizedText(vi: "Mã kết quả không xác định, cần kiểm tra thủ công",
                                   en: "Unknown result code; check manually"))
    }

    public static let bhxh2024 = ResultCodeTable([
        rule("000", .classify(.eligible), "Thông tin thẻ chính xác", "Card information correct"),
        rule("001", .classify(.eligibleCheckDocuments), "Thẻ do BHXH Bộ Quốc phòng quản lý, đề nghị kiểm tra thẻ và giấy tờ tùy thân",
             "Card managed by the Ministry of Defence's BHXH: check the card and an ID document"),
        rule("002", .classify(.eligibleCheckDocuments), "Thẻ do BHXH Bộ Công an quản lý, đề nghị kiểm tra thẻ và giấy tờ tùy thân",
             "Card managed by the Ministry of Public Security's BHXH: check the card and an ID document"),
        rule("003", .requeryWithNewCard, "Thẻ cũ hết giá trị sử dụng, đã được cấp thẻ mới",
             "The old card has expired; a new card was issued"),
        rule("004", .judgeOnVisitDate, "Thẻ cũ còn giá trị sử dụng, đã được cấp thẻ mới",
             "The old card is still valid; a new card was issued"),
        rule("010", .classify(.notEligible), "Thẻ hết giá trị sử dụng", "The card has expired"),
        rule("050", .classify(.notFound), "Không có thông tin thẻ", "No card information found"),
        rule("051", .classify(.badInput), "Mã thẻ không đúng", "The card code is wrong"),
        rule("052", .classify(.badInput), "Mã tỉnh cấp thẻ (ký tự thứ 4, 5 của mã thẻ) không đúng",
             "The province code (characters 4–5) is wrong"),
        rule("053", .classify(.badInput), "Mã quyền lợi thẻ (ký tự thứ 3 của mã thẻ) không đúng",
             "The benefit code (character 3) is wrong"),
        rule("054", .classify(.configurationError), "Số CCCD của cán bộ không có trong danh sách người dùng đã đăng ký của cơ sở",
             "The staff member's CCCD is not on the facility's registered user list"),
        rule("055", .classify(.configurationError), "Họ tên cán bộ không khớp với số CCCD của cán bộ",
             "The staff member's name does not match their CCCD"),
        rule("060", .classify(.demographicMismatch), "Họ tên không đúng", "The name does not match"),
        rule("061", .classify(.demographicMismatch), "Họ tên không đúng (đúng ký tự đầu)",
             "The name does not match (the first characters do)"),
        rule("070", .classify(.demographicMismatch), "Ngày sinh không đúng", "The date of birth does not match"),
        rule("100", .classify(.transient), "Lỗi khi lấy dữ liệu thẻ", "Error reading the card data"),
        rule("101", .classify(.transient), "Lỗi máy chủ", "Server error"),
        rule("110", .classify(.notEligible), "Thẻ đã thu hồi", "The card has been revoked"),
        rule("120", .classify(.notEligible), "Thẻ đã báo giảm", "The card has been terminated"),
        rule("121", .classify(.notEligible), "Thẻ đã báo giảm: chuyển ngoại tỉnh", "Terminated: moved to another province"),
        rule("122", .classify(.notEligible), "Thẻ đã báo giảm: chuyển nội tỉnh", "Terminated: moved within the province"),
        rule("123", .classify(.notEligible), "Thẻ đã báo giảm: thu hồi do tăng lại cùng đơn vị",
             "Terminated: re-enrolled at the same unit"),
        rule("124", .classify(.notEligible), "Thẻ đã báo giảm: ngừng tham gia", "Terminated: stopped participating"),
        // 130's meaning is unclear even to BHXH's clients (spec §4): a person must decide.
        rule("130", .classify(.manualReview), "Trẻ em không xuất trình thẻ", "Child did not present a card"),
        rule("205", .classify(.badInput), "Lỗi sai định dạng tham số", "Parameter format error"),
        rule("401", .reauthenticate, "Lỗi xác thực tài khoản", "Authentication error"),
        // Seen in client code, not in the appendix.
        rule("500", .classify(.transient), "Lỗi máy chủ", "Server error"),
    ])

    private static func rule(_ code: String, _ disposition: ResultDisposition, _ vi: String, _ en: String) -> ResultCodeRule {
        ResultCodeRule(code: code, disposition: disposition, meaning: LocalizedText(vi: vi, en: en))
    }
}
