public import ICAOCrypto

/// A secure-messaging session (Doc 9303-11 §9.8): the session keys, the send sequence counter and
/// the cipher-specific primitives. Protecting commands and unprotecting responses is the same
/// for 3DES and AES and lives in the extension; implementations only supply the primitives.
public protocol SecureMessaging: Sendable {
    var cipher: CipherAlgorithm { get }
    var sendSequenceCounter: SendSequenceCounter { get set }

    /// Encrypts padded data for the message whose counter value is current.
    func encrypt(_ paddedData: [UInt8]) throws -> [UInt8]
    /// Decrypts a cryptogram of the message whose counter value is current.
    func decrypt(_ cryptogram: [UInt8]) throws -> [UInt8]
    /// The 8-byte MAC over already padded input (which starts with the counter).
    func mac(_ paddedInput: [UInt8]) throws -> [UInt8]
}

/// Tags of the secure-messaging data objects.
enum SecureMessagingTag {
    /// Cryptogram of BER-TLV-coded plain data (odd INS), no padding-content indicator.
    static let oddCryptogram: UInt32 = 0x85
    /// Padding-content indicator 01 followed by the cryptogram (even INS).
    static let cryptogram: UInt32 = 0x87
    /// Le of the unprotected command.
    static let expectedLength: UInt32 = 0x97
    /// Processing status SW1 SW2.
    static let statusWord: UInt32 = 0x99
    /// Cryptographic checksum (MAC).
    static let checksum: UInt32 = 0x8E
    /// Padding-content indicator "padded with method 2".
    static let paddingIndicator: UInt8 = 0x01
}

extension SecureMessaging {
    /// Wraps a plain command: CLA with bits 0C set, data encrypted into DO87 (DO85 for odd INS),
    /// Le into DO97, and DO8E = MAC(SSC ‖ pad(header) ‖ DOs). The counter is incremented first.
    public mutating func protect(_ command: CommandAPDU) throws -> CommandAPDU {
        // The counter only moves if the command is actually produced: a command that fails here is
        // never sent, and the chip's counter does not move either.
        let previousCounter = sendSequenceCounter
        sendSequenceCounter.increment()
        do {
            return try protectWithCurrentCounter(command)
        } catch {
            sendSequenceCounter = previousCounter
            throw error
        }
    }

    private func protectWithCurrentCounter(_ command: CommandAPDU) throws -> CommandAPDU {
        let header = [command.cla | 0x0C, command.ins, command.p1, command.p2]
        var objects: [UInt8] = []
        if !command.data.isEmpty {
            let cryptogram = try encrypt(Padding.pad(command.data, blockSize: cipher.blockSize))
            objects += command.ins & 1 == 1
                ? TLV(tag: SecureMessagingTag.oddCryptogram, value: cryptogram).encoded
                : TLV(tag: SecureMessagingTag.cryptogram, value: [SecureMessagingTag.paddingIndicator] + cryptogram).encoded
        }
        if let ne = command.expectedLength {
            objects += TLV(tag: SecureMessagingTag.expectedLength, value: Self.encodeLe(ne, extended: command.needsExtendedLength)).encoded
        }
        let macInput = sendSequenceCounter.bytes + Padding.pad(header, blockSize: cipher.blockSize) + objects
        let checksum = try mac(Padding.pad(macInput, blockSize: cipher.blockSize))
        objects += TLV(tag: SecureMessagingTag.checksum, value: checksum).encoded
        let extended = command.needsExtendedLength || objects.count > 255
        return CommandAPDU(
            cla: header[0], ins: command.ins, p1: command.p1, p2: command.p2, data: objects,
            expectedLength: extended ? CommandAPDU.extendedMaximumExpectedLength : CommandAPDU.shortMaximumExpectedLength
        )
    }

    /// Verifies and decrypts a response.
    ///
    /// A response without DO8E and with an error status is the chip's plain error answer (it may
    /// not protect errors): it is returned as it is, **without** advancing the counter or checking
    /// anything, because the chip did not advance its own counter either. Advancing here is the
    /// desync bug other readers had after a plain 6700.
    public mutating func unprotect(_ response: ResponseAPDU) throws -> ResponseAPDU {
        let objects: [TLV]
        do {
            objects = try TLV.decodeSequence(response.data)
        } catch {
            throw SecureMessagingError(.malformedResponse, diagnostic: "\(error)")
        }
        guard let checksumIndex = objects.firstIndex(where: { $0.tag == SecureMessagingTag.checksum }) else {
            return try plainResponse(response)
        }
        sendSequenceCounter.increment()
        // Only what the MAC covers is used: objects after DO8E are ignored, never decrypted.
        let covered = Array(objects[..<checksumIndex])
        let expected = try mac(Padding.pad(sendSequenceCounter.bytes + covered.flatMap(\.encoded), blockSize: cipher.blockSize))
        guard SecureMessagingChecks.constantTimeEqual(expected, objects[checksumIndex].value) else {
            throw SecureMessagingError(.macMismatch)
        }
        guard let statusObject = covered.first(tag: SecureMessagingTag.statusWord), statusObject.value.count == 2 else {
            throw SecureMessagingError(.missingStatusWord)
        }
        let status = StatusWord(sw1: statusObject.value[0], sw2: statusObject.value[1])
        return ResponseAPDU(data: try plainData(from: covered), status: status)
    }

    /// The response to an unprotected answer: passed through for errors, refused otherwise.
    private func plainResponse(_ response: ResponseAPDU) throws -> ResponseAPDU {
        if response.status == .expectedSecureMessagingObjectsMissing || response.status == .incorrectSecureMessagingObjects {
            throw SecureMessagingError(.chipReportedDesync, diagnostic: response.status.description)
        }
        guard response.data.isEmpty, !response.status.isSuccess, response.status.bytesStillAvailable == nil else {
            throw SecureMessagingError(.missingMAC, diagnostic: response.status.description)
        }
        return response
    }

    private func plainData(from objects: [TLV]) throws -> [UInt8] {
        let cryptogram: [UInt8]
        if let object = objects.first(tag: SecureMessagingTag.cryptogram) {
            guard object.value.first == SecureMessagingTag.paddingIndicator else {
                throw SecureMessagingError(.unknownPaddingIndicator)
            }
            cryptogram = Array(object.value.dropFirst())
        } else if let object = objects.first(tag: SecureMessagingTag.oddCryptogram) {
            cryptogram = object.value
        } else {
            return []
        }
        guard !cryptogram.isEmpty, cryptogram.count % cipher.blockSize == 0 else {
            throw SecureMessagingError(.malformedResponse, diagnostic: "cryptogram of \(cryptogram.count) bytes")
        }
        do {
            return try Padding.unpad(try decrypt(cryptogram), blockSize: cipher.blockSize)
        } catch let error as CryptoError where error.reason == .invalidPadding {
            throw SecureMessagingError(.invalidPadding)
        }
    }

    /// Le as the unprotected command would have carried it: one byte (00 = 256) or two (0000 = 65536).
    static func encodeLe(_ ne: Int, extended: Bool) -> [UInt8] {
        if extended {
            let value = ne == CommandAPDU.extendedMaximumExpectedLength ? 0 : ne
            return [UInt8(value >> 8), UInt8(value & 0xFF)]
        }
        return [ne == CommandAPDU.shortMaximumExpectedLength ? 0 : UInt8(ne)]
    }
}

enum SecureMessagingChecks {
    /// MAC comparison whose time does not depend on where the first difference is.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
