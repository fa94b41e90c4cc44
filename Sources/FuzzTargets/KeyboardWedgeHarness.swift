import CCCDIdentity
import ScannerInput

/// Key events from an evdev keyboard-wedge scanner → text: modifiers, Caps Lock, Alt codes,
/// dropped events, the length limit, and the payloads handed on to the QR parser.
///
/// Input: 4-byte events `type code(LE16) value(int8)`; type byte 0 is EV_SYN, 1 EV_KEY, others
/// are passed through (ignored by the decoder, as the kernel's EV_MSC are).
enum KeyboardWedgeHarness {
    static let maximumLength = 256

    static func run(_ data: [UInt8]) {
        var decoder = KeyboardWedgeDecoder(maximumLength: maximumLength)
        var input = FuzzInput(data)
        while !input.isAtEnd {
            let type = UInt16(input.byte())
            let code = UInt16(input.byte()) | UInt16(input.byte()) << 8
            let value = Int32(Int8(bitPattern: input.byte()))
            check(decoder.consume(InputEvent(type: type, code: code, value: value)))
        }
        check(decoder.flush())
        invariant(!decoder.hasPendingInput, "input left pending after flush")
    }

    private static func check(_ output: KeyboardWedgeDecoder.Output?) {
        guard let output else { return }
        switch output {
        case .payload(let payload):
            invariant(!payload.bytes.isEmpty && payload.bytes.count <= maximumLength, "payload of \(payload.bytes.count) bytes")
            _ = try? ScannedQR.parse(bytes: payload.bytes)
        case .tooLong(let byteCount):
            invariant(byteCount > maximumLength, "tooLong for \(byteCount) bytes")
        }
    }
}
