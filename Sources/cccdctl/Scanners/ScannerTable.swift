import CCCDIdentity
import ScannerInput

/// The human listing: one line per scanner, then indented problems and advice.
struct ScannerTable {
    var scanners: [DiscoveredScanner]
    var language: Language

    var text: String {
        guard !scanners.isEmpty else {
            return LocalizedText(vi: "Không tìm thấy máy quét QR nào.", en: "No QR scanner found.")[language] + "\n"
        }
        let yes = LocalizedText(vi: "có", en: "yes")[language]
        let no = LocalizedText(vi: "không", en: "no")[language]
        let unknown = LocalizedText(vi: "không rõ", en: "unknown")[language]
        let rows = scanners.map { scanner in
            [
                "\(scanner.usbPath):\(scanner.interfaceNumber)",
                "\(scanner.vendor ?? scanner.manufacturer ?? unknown) \(scanner.id)",
                scanner.mode.rawValue,
                scanner.node ?? "-",
                scanner.access.usable ? yes : no,
            ]
        }
        let header = [
            "USB", LocalizedText(vi: "THIẾT BỊ", en: "DEVICE")[language], LocalizedText(vi: "CHẾ ĐỘ", en: "MODE")[language],
            LocalizedText(vi: "NÚT", en: "NODE")[language], LocalizedText(vi: "DÙNG ĐƯỢC", en: "USABLE")[language],
        ]
        let widths = (0..<header.count).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var output = line(header)
        for (scanner, row) in zip(scanners, rows) {
            output += line(row)
            if let problem = scanner.access.problem { output += "    - " + problem[language] + "\n" }
            if let advice = scanner.advice { output += "    ! " + advice[language] + "\n" }
        }
        return output
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
