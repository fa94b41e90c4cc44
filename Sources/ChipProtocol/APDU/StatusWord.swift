/// SW1 SW2 of a response (ISO/IEC 7816-4 §5.6), with the meanings eMRTD readers meet.
///
/// Several values carry a number in SW2 (bytes still available, exact Le, retries left); those are
/// exposed as typed accessors so callers never decode SW2 by hand.
public struct StatusWord: Sendable, Hashable, CustomStringConvertible {
    public var sw1: UInt8
    public var sw2: UInt8

    public init(sw1: UInt8, sw2: UInt8) {
        self.sw1 = sw1
        self.sw2 = sw2
    }

    public init(_ value: UInt16) {
        self.init(sw1: UInt8(value >> 8), sw2: UInt8(value & 0xFF))
    }

    public var value: UInt16 { UInt16(sw1) << 8 | UInt16(sw2) }

    public static let success = StatusWord(0x9000)
    public static let endOfFileReached = StatusWord(0x6282)
    public static let verificationFailed = StatusWord(0x6300)
    public static let wrongLength = StatusWord(0x6700)
    public static let securityStatusNotSatisfied = StatusWord(0x6982)
    public static let authenticationMethodBlocked = StatusWord(0x6983)
    public static let conditionsOfUseNotSatisfied = StatusWord(0x6985)
    public static let expectedSecureMessagingObjectsMissing = StatusWord(0x6987)
    public static let incorrectSecureMessagingObjects = StatusWord(0x6988)
    public static let incorrectData = StatusWord(0x6A80)
    public static let fileNotFound = StatusWord(0x6A82)
    public static let incorrectParameters = StatusWord(0x6A86)
    public static let lcInconsistentWithParameters = StatusWord(0x6A87)
    public static let wrongParametersOffset = StatusWord(0x6B00)
    public static let instructionNotSupported = StatusWord(0x6D00)
    public static let classNotSupported = StatusWord(0x6E00)

    /// 9000: normal processing.
    public var isSuccess: Bool { self == .success }

    /// 61xx: that many response bytes are still available (0 means 256).
    public var bytesStillAvailable: Int? {
        sw1 == 0x61 ? (sw2 == 0 ? 256 : Int(sw2)) : nil
    }

    /// 6Cxx: wrong Le; SW2 is the exact length to ask for (0 means 256).
    public var exactExpectedLength: Int? {
        sw1 == 0x6C ? (sw2 == 0 ? 256 : Int(sw2)) : nil
    }

    /// 63Cx: verification failed with x retries left.
    public var retriesLeft: Int? {
        sw1 == 0x63 && sw2 & 0xF0 == 0xC0 ? Int(sw2 & 0x0F) : nil
    }

    /// The ISO 7816-4 meaning, for operators and logs (no personal data can be in a status word).
    public var meaning: String {
        if let count = bytesStillAvailable { return "\(count) response bytes still available" }
        if let length = exactExpectedLength { return "wrong Le; exact length is \(length)" }
        if let retries = retriesLeft { return "verification failed, \(retries) retries left" }
        switch value {
        case 0x9000: return "success"
        case 0x6282: return "end of file reached before reading Le bytes"
        case 0x6300: return "verification failed"
        case 0x6700: return "wrong length"
        case 0x6982: return "security status not satisfied"
        case 0x6983: return "authentication method blocked"
        case 0x6985: return "conditions of use not satisfied"
        case 0x6987: return "expected secure messaging data objects missing"
        case 0x6988: return "incorrect secure messaging data objects"
        case 0x6A80: return "incorrect parameters in the data field"
        case 0x6A82: return "file or application not found"
        case 0x6A86: return "incorrect parameters P1-P2"
        case 0x6A87: return "Lc inconsistent with P1-P2"
        case 0x6B00: return "wrong parameters (offset outside the file)"
        case 0x6D00: return "instruction not supported"
        case 0x6E00: return "class not supported"
        default:
            switch sw1 {
            case 0x62, 0x63: return "warning"
            case 0x64, 0x65, 0x66: return "execution error"
            case 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6D, 0x6E, 0x6F: return "checking error"
            default: return "unknown status"
            }
        }
    }

    /// "6A82 (file or application not found)".
    public var description: String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits + " (\(meaning))"
    }
}
