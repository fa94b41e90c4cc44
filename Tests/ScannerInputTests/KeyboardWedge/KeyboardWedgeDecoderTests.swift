import Foundation
import Testing
@testable import ScannerInput

@Suite("Keyboard-wedge decoding (pure)")
struct KeyboardWedgeDecoderTests {
    private func decode(_ events: [InputEvent], maximumLength: Int = 4096) -> [KeyboardWedgeDecoder.Output] {
        var decoder = KeyboardWedgeDecoder(maximumLength: maximumLength)
        return events.compactMap { decoder.consume($0) }
    }

    private func single(_ events: [InputEvent]) -> ScannedPayload? {
        guard case .payload(let payload)? = decode(events).first else { return nil }
        return payload
    }

    private func mangledReason(_ payload: ScannedPayload?) -> String? {
        guard case .mangled(let reason)? = payload?.fidelity else { return nil }
        return reason
    }

    @Test("ASCII with Shift, digits and punctuation come back exactly")
    func asciiWithShift() {
        let text = "Hello, World! 42 <a|b> ~_+{}"
        let payload = single(WedgeTyping.type(text))
        #expect(payload == ScannedPayload(bytes: Array(text.utf8), transport: .keyboardWedge, fidelity: .exact))
    }

    @Test("CapsLock inverts letters only, and Shift inverts it back")
    func capsLock() {
        let events = WedgeTyping.tap(WedgeTyping.capsLock) + WedgeTyping.tap(30) + WedgeTyping.shifted(30)
            + WedgeTyping.tap(2) + WedgeTyping.tap(WedgeTyping.capsLock) + WedgeTyping.tap(30) + WedgeTyping.tap(WedgeTyping.enter)
        #expect(single(events)?.bytes == Array("Aa1a".utf8))
    }

    @Test("Unicode Alt codes carry a whole CCCD payload exactly")
    func unicodeAltCCCD() {
        let payload = single(WedgeTyping.type(Samples.cccd2021, nonASCII: .unicodeAlt))
        #expect(payload?.bytes == Samples.cccd2021Bytes)
        #expect(payload?.fidelity == .exact)
    }

    @Test("Alt+0NNN is Windows-1252: 0233 is é, 0128 is €")
    func codePage1252() {
        let events = WedgeTyping.type("Caf", enterAtEnd: false) + WedgeTyping.altCode("0233")
            + WedgeTyping.altCode("0128") + WedgeTyping.tap(WedgeTyping.enter)
        let payload = single(events)
        #expect(payload?.bytes == Array("Café€".utf8))
        #expect(payload?.fidelity == .exact)
    }

    @Test("a CCCD payload through a CP1252 scanner is mangled: question marks and lost letters")
    func cccdThroughCodePage1252() throws {
        let payload = try #require(single(WedgeTyping.type(Samples.cccd2021, nonASCII: .codePage1252)))
        let reason = try #require(mangledReason(payload))
        #expect(reason.contains(WedgeIssue.questionMarks.rawValue))
        #expect(reason.contains(WedgeIssue.vietnameseLettersMissing.rawValue))
        // The ID number survives, which is what lets the kiosk still open the chip.
        #expect(payload.bytes.starts(with: Array("001190000123|".utf8)))
    }

    @Test("a CCCD payload with accents stripped is mangled even though every key was known")
    func cccdWithoutAccents() throws {
        let payload = try #require(single(WedgeTyping.type(Samples.cccd2024, nonASCII: .stripAccents)))
        #expect(String(decoding: payload.bytes, as: UTF8.self).hasPrefix("079205000456||Tran Van Thu|"))
        #expect(mangledReason(payload) == WedgeIssue.vietnameseLettersMissing.rawValue)
    }

    @Test("backslashes where the separators should be are flagged")
    func backslashSeparators() throws {
        let typed = Samples.cccd2021.replacingOccurrences(of: "|", with: "\\")
        let payload = try #require(single(WedgeTyping.type(typed)))
        #expect(mangledReason(payload)?.contains(WedgeIssue.backslashSeparators.rawValue) == true)
    }

    @Test("unknown key codes, editing keys, Ctrl and stray Alt combinations are flagged", arguments: [
        ([InputEvent.key(86, 1), .key(86, 0)], WedgeIssue.unknownKey),
        ([InputEvent.key(14, 1), .key(14, 0)], WedgeIssue.editingKey),
        ([InputEvent.key(29, 1), .key(36, 1), .key(36, 0), .key(29, 0)], WedgeIssue.controlOrAltKey),
        ([InputEvent.key(56, 1), .key(30, 1), .key(30, 0), .key(56, 0)], WedgeIssue.controlOrAltKey),
    ])
    func flaggedKeys(extra: [InputEvent], issue: WedgeIssue) {
        let events = WedgeTyping.type("AB", enterAtEnd: false) + extra + WedgeTyping.tap(WedgeTyping.enter)
        let payload = single(events)
        #expect(payload?.bytes == Array("AB".utf8))
        #expect(mangledReason(payload) == issue.rawValue)
    }

    @Test("SYN_DROPPED marks the scan and releases modifiers that may have been released meanwhile")
    func eventsDropped() {
        let events = [InputEvent.key(42, 1)] + WedgeTyping.tap(30) + [InputEvent(type: 0, code: 3, value: 0)]
            + WedgeTyping.tap(30) + WedgeTyping.tap(WedgeTyping.enter)
        let payload = single(events)
        #expect(payload?.bytes == Array("Aa".utf8))
        #expect(mangledReason(payload) == WedgeIssue.eventsDropped.rawValue)
    }

    @Test("an auto-repeated key types again and marks the scan")
    func keyRepeat() {
        let events = [InputEvent.key(30, 1), .key(30, 2), .key(30, 2), .key(30, 0)] + WedgeTyping.tap(WedgeTyping.enter)
        let payload = single(events)
        #expect(payload?.bytes == Array("aaa".utf8))
        #expect(mangledReason(payload) == WedgeIssue.keyRepeat.rawValue)
    }

    @Test("Alt codes that name no character become U+FFFD and mark the scan", arguments: ["0129", "55296", "0300", "1114112", "12345678"])
    func invalidAltCodes(digits: String) {
        let payload = single(WedgeTyping.altCode(digits) + WedgeTyping.tap(WedgeTyping.enter))
        #expect(payload?.bytes == Array("\u{FFFD}".utf8))
        #expect(mangledReason(payload) == WedgeIssue.invalidAltCode.rawValue)
    }

    @Test("mangled reasons never quote the scanned text")
    func reasonsAreDataFree() throws {
        let payload = try #require(single(WedgeTyping.type(Samples.cccd2021, nonASCII: .codePage1252)))
        let reason = try #require(mangledReason(payload))
        for fragment in ["001190000123", "012345678", "Nguy", "15031990", "Ví Dụ"] {
            #expect(!reason.contains(fragment))
        }
    }

    @Test("a scan longer than the limit is dropped whole; the next one is fine")
    func tooLong() {
        let outputs = decode(WedgeTyping.type(String(repeating: "7", count: 50)) + WedgeTyping.type("ok"), maximumLength: 20)
        #expect(outputs == [.tooLong(byteCount: 50), .payload(ScannedPayload(bytes: Array("ok".utf8), transport: .keyboardWedge))])
    }

    @Test("a scanner that sends no Enter is framed by flush (the inter-key timeout)")
    func flushWithoutEnter() {
        var decoder = KeyboardWedgeDecoder()
        for event in WedgeTyping.type("12345", enterAtEnd: false) { #expect(decoder.consume(event) == nil) }
        #expect(decoder.hasPendingInput)
        #expect(decoder.flush() == .payload(ScannedPayload(bytes: Array("12345".utf8), transport: .keyboardWedge)))
        #expect(!decoder.hasPendingInput)
    }

    @Test("input_event records split anywhere decode the same", arguments: [1, 5, 23, 24, 25, 100])
    func recordsSplitAnywhere(chunk: Int) {
        let bytes = WedgeTyping.records(WedgeTyping.type("Abc|1"))
        var stream = InputEventStream()
        var decoder = KeyboardWedgeDecoder()
        var outputs: [KeyboardWedgeDecoder.Output] = []
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            outputs += stream.append(Array(bytes[start..<min(start + chunk, bytes.count)])).compactMap { decoder.consume($0) }
        }
        #expect(outputs == [.payload(ScannedPayload(bytes: Array("Abc|1".utf8), transport: .keyboardWedge))])
    }

    @Test("EVIOCGRAB is _IOW('E', 0x90, int)")
    func grabRequestNumber() {
        #expect(KeyboardWedgeScanSource.grabRequest == 0x4004_4590)
    }
}
