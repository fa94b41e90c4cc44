import CCCDIdentity

/// The headline columns shared by the CSV and HTML exports, with their headers in both languages.
enum ReportColumns {
    struct Column: Sendable {
        var en: String
        var vi: String
        var value: @Sendable (HeadlineFigures) -> String
    }

    static let all: [Column] = [
        Column(en: "presentations", vi: "Lượt tiếp đón") { "\($0.presentations)" },
        Column(en: "lookups", vi: "Lượt tra cứu") { "\($0.lookups)" },
        Column(en: "successful lookups", vi: "Tra cứu thành công") { "\($0.successfulLookups)" },
        Column(en: "lookup success rate", vi: "Tỷ lệ tra cứu thành công") { $0.lookupSuccessRate.percentText },
        Column(en: "eligible", vi: "Đủ điều kiện KCB BHYT") { "\($0.eligibilityRate.numerator)" },
        Column(en: "eligibility rate", vi: "Tỷ lệ đủ điều kiện") { $0.eligibilityRate.percentText },
        Column(en: "CCCD presentations", vi: "Tiếp đón bằng CCCD") { "\($0.cccdShare.numerator)" },
        Column(en: "CCCD share", vi: "Tỷ lệ tiếp đón bằng CCCD") { $0.cccdShare.percentText },
        Column(en: "CCCD lookups", vi: "Tra cứu bằng CCCD") { "\($0.cccdLookupSuccessRate.denominator)" },
        Column(en: "CCCD successful lookups", vi: "Tra cứu CCCD thành công") { "\($0.cccdLookupSuccessRate.numerator)" },
        Column(en: "CCCD lookup success rate", vi: "Tỷ lệ tra cứu CCCD thành công") { $0.cccdLookupSuccessRate.percentText },
        Column(en: "re-checks", vi: "Lượt kiểm tra lại") { "\($0.rechecks)" },
    ]

    static func header(_ column: Column, _ language: Language) -> String { language == .vi ? column.vi : column.en }

    static func groupHeader(_ language: Language) -> String { language == .vi ? "Nhóm" : "group" }
    static func totalLabel(_ language: Language) -> String { language == .vi ? "Tổng" : "total" }
}
