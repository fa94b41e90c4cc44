import CCCDIdentity
import Foundation
import Testing
@testable import ScannerInput

/// What the daemon does with a wedge scan: `ScannedPayload.parsedQR()` on the decoder's output.
@Suite("Keyboard-wedge scans reach the QR parser only when exact")
struct WedgeScanParsingTests {
    /// A BHYT card QR (15-character code layout, invented holder): ASCII only, so a wedge can type it.
    static let bhyt = "DN4797915012345|\(hex("Trần Thị Thử"))|02/09/1985|2|\(hex("Số 3 đường Mẫu, TP. Hồ Chí Minh"))|79 - 024|"
        + "01/01/2024|31/12/2024|15/12/2023|79012345678901|-|4|01/01/2025|abcdef0123456789-0102|$"

    static func hex(_ text: String) -> String { text.utf8.map { String(format: "%02x", $0) }.joined() }

    static func decode(_ events: [InputEvent]) -> ScannedPayload? {
        var decoder = KeyboardWedgeDecoder(maximumLength: 4096)
        for event in events {
            if case .payload(let payload)? = decoder.consume(event) { return payload }
        }
        return nil
    }

    @Test("an exact wedge scan of a BHYT card QR parses")
    func exactScanParses() throws {
        let payload = try #require(Self.decode(WedgeTyping.type(Self.bhyt)))
        #expect(payload.fidelity == .exact)
        let qr = try payload.parsedQR()
        guard case .bhyt(let card) = qr else { Issue.record("not a BHYT card QR"); return }
        #expect(card.cardCode.text == "DN4797915012345")
    }

    @Test("a held key's auto-repeat makes a scan that parses but is refused: keystrokes lost")
    func repeatedKeyIsRefused() throws {
        // "…|79" then the 0 key held for two repeats, then the rest: "79000…" instead of "790…".
        let split = try #require(Self.bhyt.range(of: "|790"))
        let before = String(Self.bhyt[..<Self.bhyt.index(split.lowerBound, offsetBy: 3)])
        let after = String(Self.bhyt[Self.bhyt.index(split.lowerBound, offsetBy: 4)...])
        let zeroKey: UInt16 = 11
        let events = WedgeTyping.type(before, enterAtEnd: false)
            + [.key(zeroKey, 1), .key(zeroKey, 2), .key(zeroKey, 2), .key(zeroKey, 0)] + WedgeTyping.type(after)
        let payload = try #require(Self.decode(events))
        #expect(payload.fidelity != .exact)
        // The damage is invisible to the parser: the text is a well-formed, wrong card.
        #expect((try? ScannedQR.parse(bytes: payload.bytes)) != nil)
        #expect(throws: QRPayloadError.keyboardWedge(.keystrokesLost)) { try payload.parsedQR() }
    }

    @Test("damage the parser recognises keeps its own, more precise symptom")
    func parserSymptomWins() throws {
        let mangled = Samples.cccd2021.replacingOccurrences(of: "|", with: "\\")
        let payload = try #require(Self.decode(WedgeTyping.type(mangled)))
        #expect(payload.fidelity != .exact)
        do {
            _ = try payload.parsedQR()
            Issue.record("a backslash-separated CCCD payload was accepted")
        } catch {
            #expect(error.wedgeSymptom == .backslashSeparators)
        }
    }
}
