import ChipProtocol
import ICAOCrypto

/// Unwrapping secure-messaging responses (Doc 9303-11 §9.8), with AES (PACE, CA) or 3DES (BAC).
///
/// Input: one control byte, then the response material. Bit 0 picks the cipher; bits 1–2 the mode:
/// - 0: the rest is a raw response APDU (data ‖ SW), as a hostile chip or a relay would send it;
/// - 1: the rest is the response's data objects, and the harness appends the correct DO8E for
///   them, so the checks after the MAC (DO99, DO87 padding indicator, cryptogram length, padding)
///   are reached with any content;
/// - 2: the rest is `SW1 SW2 data…`, which the harness protects as a genuine chip would: the
///   reader must recover exactly that data and status word.
enum SecureMessagingHarness {
    /// Fixed session keys: the harness plays both sides, so they need not be secret.
    static let keys: (aes: AESSecureMessaging, tripleDES: TripleDESSecureMessaging) = {
        do {
            let aes = try AESSecureMessaging(encryptionKey: Array(0..<16), macKey: Array(16..<32))
            let tripleDES = TripleDESSecureMessaging(encryptionKey: Array(32..<48), macKey: Array(48..<64),
                                                     sendSequenceCounter: .zero(blockSize: 8))
            return (aes, tripleDES)
        } catch {
            fatalError("secure-messaging keys: \(error)")
        }
    }()

    static func run(_ data: [UInt8]) {
        var input = FuzzInput(data)
        let control = input.byte()
        if control & 1 == 0 {
            exercise(keys.aes, control: control, input: &input)
        } else {
            exercise(keys.tripleDES, control: control, input: &input)
        }
    }

    private static func exercise(_ reader: some SecureMessaging, control: UInt8, input: inout FuzzInput) {
        var reader = reader
        var card = reader
        card.sendSequenceCounter.increment()
        switch (control >> 1) & 0x03 {
        case 0:
            guard let response = try? ResponseAPDU(encoded: input.rest()) else { return }
            _ = try? reader.unprotect(response)
        case 1:
            let covered = input.rest()
            guard let checksum = try? card.mac(Padding.pad(card.sendSequenceCounter.bytes + covered, blockSize: card.cipher.blockSize)) else {
                return invariant(false, "MAC over \(covered.count) bytes failed")
            }
            let response = ResponseAPDU(data: covered + TLV(tag: 0x8E, value: checksum).encoded, status: .success)
            _ = try? reader.unprotect(response)
        default:
            let status = StatusWord(sw1: input.byte(), sw2: input.byte())
            let plain = input.rest()
            guard let protected = try? protect(plain, status: status, as: card) else {
                return invariant(false, "protecting \(plain.count) bytes failed")
            }
            do {
                let response = try reader.unprotect(protected)
                invariant(response.data == plain && response.status == status, "a genuine protected response changed in unwrapping")
            } catch {
                invariant(false, "a genuine protected response was refused: \(error)")
            }
        }
    }

    /// The chip's side: DO87 (padding indicator 01 and the cryptogram), DO99, DO8E.
    private static func protect(_ plain: [UInt8], status: StatusWord, as card: some SecureMessaging) throws -> ResponseAPDU {
        let blockSize = card.cipher.blockSize
        var objects: [UInt8] = []
        if !plain.isEmpty {
            objects += TLV(tag: 0x87, value: [0x01] + (try card.encrypt(Padding.pad(plain, blockSize: blockSize)))).encoded
        }
        objects += TLV(tag: 0x99, value: [status.sw1, status.sw2]).encoded
        let checksum = try card.mac(Padding.pad(card.sendSequenceCounter.bytes + objects, blockSize: blockSize))
        return ResponseAPDU(data: objects + TLV(tag: 0x8E, value: checksum).encoded, status: .success)
    }
}
