import ScannerInput

/// HID POS input reports → payloads: report IDs, length bytes, the continuation bit, AIM
/// identifiers, oversize scans and reports that do not parse.
///
/// Input: one byte picks the configuration (AIM placement, report size), the rest is cut into
/// reports of that size (the last one may be short, as a truncated read would be).
enum HIDPOSHarness {
    static let maximumPayloadLength = 512

    static func run(_ data: [UInt8]) {
        var input = FuzzInput(data)
        let choice = input.byte()
        let placements = HIDPOSConfiguration.AIMIdentifierPlacement.allCases
        let configuration = HIDPOSConfiguration(
            reportID: 0x02, reportSize: [64, 32, 16, 8][Int(choice & 0x03)],
            aimIdentifier: placements[Int(choice >> 2) % placements.count],
            maximumPayloadLength: maximumPayloadLength)
        var reassembler = HIDPOSReassembler(configuration: configuration)
        while !input.isAtEnd {
            check(reassembler.consume(report: input.bytes(configuration.reportSize)))
        }
        check(reassembler.abandon())
        invariant(!reassembler.isReassembling, "still reassembling after abandon")
    }

    private static func check(_ output: HIDPOSReassembler.Output?) {
        guard case .payload(let bytes, _) = output else { return }
        invariant(!bytes.isEmpty && bytes.count <= maximumPayloadLength, "payload of \(bytes.count) bytes")
    }
}
