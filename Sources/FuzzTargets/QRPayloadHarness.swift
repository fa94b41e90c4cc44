import CCCDIdentity

/// A scanner's bytes → ``ScannedQR``: BOM, UTF-8, NFC, field splitting, the CCCD and BHYT
/// parsers and the keyboard-wedge damage detectors.
enum QRPayloadHarness {
    static func run(_ data: [UInt8]) {
        let parsed: ScannedQR
        do {
            parsed = try ScannedQR.parse(bytes: data)
        } catch {
            _ = error.code
            _ = error.message
            return
        }
        _ = parsed.warnings
        // The same payload typed in (the text API) must parse to the same card.
        let text = String(decoding: data, as: UTF8.self)
        invariant((try? ScannedQR.parse(text)) == parsed, "bytes and text parse differently")
    }
}
