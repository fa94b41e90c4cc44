import CCCDIdentity

extension ScannerError {
    static func hidReportTooShort(_ size: Int) -> ScannerError {
        ScannerError(
            code: "scanner.hidpos.reportTooShort",
            message: LocalizedText(
                vi: "Báo cáo HID chỉ có \(size) byte, quá ngắn",
                en: "HID report of \(size) bytes is too short"),
            recovery: .retry)
    }

    static func hidUnexpectedReportID(_ id: UInt8, expected: UInt8) -> ScannerError {
        ScannerError(
            code: "scanner.hidpos.unexpectedReportID",
            message: LocalizedText(
                vi: "Báo cáo HID có mã \(id), không phải mã dữ liệu quét \(expected)",
                en: "HID report ID \(id) is not the scanned-data report \(expected)"),
            recovery: .retry)
    }

    static func hidLengthExceedsReport(length: Int, reportSize: Int) -> ScannerError {
        ScannerError(
            code: "scanner.hidpos.lengthExceedsReport",
            message: LocalizedText(
                vi: "Độ dài \(length) vượt quá báo cáo HID \(reportSize) byte",
                en: "Length \(length) does not fit in a \(reportSize)-byte HID report"),
            recovery: .retry)
    }

    static var hidMissingSymbologyIdentifier: ScannerError {
        ScannerError(
            code: "scanner.hidpos.missingSymbologyIdentifier",
            message: LocalizedText(
                vi: "Báo cáo HID thiếu mã loại mã vạch AIM; kiểm tra cấu hình máy quét",
                en: "HID report lacks the AIM symbology identifier; check the scanner's configuration"),
            recovery: .retry)
    }

    static var hidIncompletePayload: ScannerError {
        ScannerError(
            code: "scanner.hidpos.incomplete",
            message: LocalizedText(
                vi: "Dữ liệu quét nhiều phần bị thiếu phần tiếp theo và đã bị bỏ qua",
                en: "A multi-report scan stopped before its last report and was discarded"),
            recovery: .retry)
    }
}
