/// One message of vsmartcard's vpcd protocol, from the card's point of view.
///
/// Framing: a 2-byte big-endian length, then that many bytes. A 1-byte payload is a control code;
/// anything longer is a command APDU, answered with the response APDU framed the same way. Only
/// "get ATR" and APDUs are answered; power and reset codes are not.
public enum VPCDMessage: Equatable, Sendable {
    case powerOff
    case powerOn
    case reset
    case getATR
    /// A control code this implementation does not know; ignored, as vpcd expects no answer.
    case unknownControl(UInt8)
    case apdu([UInt8])

    public init(payload: [UInt8]) {
        guard payload.count == 1, let code = payload.first else {
            self = .apdu(payload)
            return
        }
        switch code {
        case 0: self = .powerOff
        case 1: self = .powerOn
        case 2: self = .reset
        case 4: self = .getATR
        default: self = .unknownControl(code)
        }
    }

    /// The framed answer to send back, or `nil` when the message expects none.
    public func answer(using engine: any VirtualCardEngine) -> [UInt8]? {
        switch self {
        case .powerOff:
            engine.powerOff()
        case .powerOn:
            engine.powerOn()
        case .reset:
            engine.reset()
        case .unknownControl:
            break
        case .getATR:
            return Self.frame(engine.atr)
        case .apdu(let command):
            var response = engine.respond(to: command)
            // A response must carry a status word and fit the 2-byte length; anything else is an
            // engine bug, reported to the reader as "no precise diagnosis" rather than garbage.
            if response.count < 2 || response.count > 0xFFFF { response = [0x6F, 0x00] }
            return Self.frame(response)
        }
        return nil
    }

    /// `payload` behind its 2-byte big-endian length (the caller guarantees ≤ 65535 bytes).
    static func frame(_ payload: [UInt8]) -> [UInt8] {
        let length = min(payload.count, 0xFFFF)
        return [UInt8(length >> 8), UInt8(length & 0xFF)] + payload.prefix(length)
    }
}
