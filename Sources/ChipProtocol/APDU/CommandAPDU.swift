/// An ISO/IEC 7816-4 command APDU.
///
/// The expected response length Ne is kept as a number (1…65536, or `nil` for none) rather than as
/// its encoding, because secure messaging re-encodes it inside DO97 and the reader chooses short or
/// extended encoding from its capabilities. ``encoded()`` picks short encoding whenever it fits.
public struct CommandAPDU: Sendable, Hashable {
    /// Largest Ne a short APDU can ask for (Le = 00).
    public static let shortMaximumExpectedLength = 256
    /// Largest Ne an extended APDU can ask for (Le = 0000).
    public static let extendedMaximumExpectedLength = 65536

    public var cla: UInt8
    public var ins: UInt8
    public var p1: UInt8
    public var p2: UInt8
    public var data: [UInt8]
    public var expectedLength: Int?

    public init(cla: UInt8 = 0x00, ins: UInt8, p1: UInt8, p2: UInt8, data: [UInt8] = [], expectedLength: Int? = nil) {
        self.cla = cla
        self.ins = ins
        self.p1 = p1
        self.p2 = p2
        self.data = data
        self.expectedLength = expectedLength
    }

    /// Whether encoding needs the extended-length form (data over 255 bytes or Ne over 256).
    public var needsExtendedLength: Bool {
        data.count > 255 || (expectedLength ?? 0) > Self.shortMaximumExpectedLength
    }

    /// The bytes to transmit: short form when possible, extended otherwise (ISO 7816-3 cases 1–4).
    public func encoded() throws -> [UInt8] {
        guard data.count <= 65535 else {
            throw APDUError(.dataTooLong, diagnostic: "\(data.count) bytes")
        }
        if let ne = expectedLength, !(1...Self.extendedMaximumExpectedLength).contains(ne) {
            throw APDUError(.invalidExpectedLength, diagnostic: "Ne \(ne)")
        }
        var bytes = [cla, ins, p1, p2]
        let extended = needsExtendedLength
        if !data.isEmpty {
            if extended {
                bytes += [0x00, UInt8(data.count >> 8), UInt8(data.count & 0xFF)]
            } else {
                bytes.append(UInt8(data.count))
            }
            bytes += data
        }
        if let ne = expectedLength {
            if extended {
                let le = ne == Self.extendedMaximumExpectedLength ? 0 : ne
                // Case 2E has its own leading 00; in case 4E it follows Lc directly.
                if data.isEmpty { bytes.append(0x00) }
                bytes += [UInt8(le >> 8), UInt8(le & 0xFF)]
            } else {
                bytes.append(ne == Self.shortMaximumExpectedLength ? 0x00 : UInt8(ne))
            }
        }
        return bytes
    }

    /// Decodes any of the seven ISO 7816-3 cases, rejecting lengths that disagree with Lc.
    public init(encoded bytes: [UInt8]) throws {
        guard bytes.count >= 4 else {
            throw APDUError(.commandTooShort, diagnostic: "\(bytes.count) bytes")
        }
        self.init(cla: bytes[0], ins: bytes[1], p1: bytes[2], p2: bytes[3])
        let body = Array(bytes.dropFirst(4))
        if body.isEmpty { return }
        if body.count == 1 {
            expectedLength = body[0] == 0 ? 256 : Int(body[0])
            return
        }
        if body[0] != 0 {
            let lc = Int(body[0])
            switch body.count {
            case 1 + lc:
                data = Array(body[1...])
            case 2 + lc:
                data = Array(body[1...lc])
                expectedLength = body[1 + lc] == 0 ? 256 : Int(body[1 + lc])
            default:
                throw APDUError(.lengthMismatch, diagnostic: "Lc \(lc), body \(body.count) bytes")
            }
            return
        }
        guard body.count >= 3 else {
            throw APDUError(.lengthMismatch, diagnostic: "extended body of \(body.count) bytes")
        }
        let first = Int(body[1]) << 8 | Int(body[2])
        if body.count == 3 {
            expectedLength = first == 0 ? 65536 : first
            return
        }
        guard first > 0 else { throw APDUError(.lengthMismatch, diagnostic: "extended Lc 0") }
        switch body.count {
        case 3 + first:
            data = Array(body[3...])
        case 5 + first:
            data = Array(body[3..<(3 + first)])
            let le = Int(body[3 + first]) << 8 | Int(body[4 + first])
            expectedLength = le == 0 ? 65536 : le
        default:
            throw APDUError(.lengthMismatch, diagnostic: "extended Lc \(first), body \(body.count) bytes")
        }
    }
}
