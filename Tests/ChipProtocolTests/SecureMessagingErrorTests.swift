import ChipProtocol
import ICAOCrypto
import Testing

/// What happens when the chip's answer is not a clean protected response.
@Suite struct SecureMessagingErrorTests {
    let select = CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x01, 0x1E])
    let read = CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 4)

    @Test func plainErrorResponseLeavesTheCounterAloneAndTheSessionUsable() throws {
        var terminal = try AESSecureMessaging(encryptionKey: hex("F5F0E35C0D7161EE6724EE513A0D9A7F"), macKey: hex("FE251C7858B356B24514B3BD5F4297D1"))
        var chip = terminal
        _ = try terminal.protect(read)
        chip.sendSequenceCounter.increment()  // the chip verified the command…
        let counterAfterCommand = terminal.sendSequenceCounter
        // …and answered a plain 6700, which it does not protect and does not count.
        let plain = try terminal.unprotect(try ResponseAPDU(encoded: hex("6700")))
        #expect(plain.status == .wrongLength)
        #expect(terminal.sendSequenceCounter == counterAfterCommand)

        _ = try terminal.protect(read)
        chip.sendSequenceCounter.increment()
        let answer = try chip.chipProtectResponse(data: hex("60145F01"), status: .success)
        let response = try terminal.unprotect(answer)
        #expect(response.data.hexString == "60145F01")
        #expect(terminal.sendSequenceCounter == chip.sendSequenceCounter)
    }

    @Test func badMACIsTypedAndTheNextCommandStillVerifies() throws {
        var session = SecureMessagingVectorTests.bacSession()
        let exchanges = SecureMessagingVectorTests.exchanges
        _ = try session.protect(try CommandAPDU(encoded: hex(exchanges[0].plain)))
        var tampered = hex(exchanges[0].response)
        tampered[tampered.count - 3] ^= 0x01
        expectFailure(SecureMessagingError(.macMismatch)) {
            _ = try session.unprotect(try ResponseAPDU(encoded: tampered))
        }
        // Both sides counted the response, so the standard's next exchange still matches.
        let next = try session.protect(try CommandAPDU(encoded: hex(exchanges[1].plain)))
        #expect(try next.encoded().hexString == exchanges[1].protected)
        #expect(try session.unprotect(try ResponseAPDU(encoded: hex(exchanges[1].response))).data.hexString == "60145F01")
    }

    @Test func tamperedCryptogramFailsTheMACBeforeDecryption() throws {
        var session = SecureMessagingVectorTests.bacSession()
        _ = try session.protect(select)
        _ = try session.unprotect(try ResponseAPDU(encoded: hex(SecureMessagingVectorTests.exchanges[0].response)))
        _ = try session.protect(read)
        var response = hex(SecureMessagingVectorTests.exchanges[1].response)
        response[4] ^= 0x80
        expectFailure(SecureMessagingError(.macMismatch)) {
            _ = try session.unprotect(try ResponseAPDU(encoded: response))
        }
    }

    @Test func protectedResponseWithoutDO99IsRejected() throws {
        var terminal = SecureMessagingVectorTests.bacSession()
        var chip = terminal
        _ = try terminal.protect(read)
        chip.sendSequenceCounter.increment()
        let answer = try chip.chipProtectResponse(data: hex("60145F01"), status: .success, includeStatusObject: false)
        expectFailure(SecureMessagingError(.missingStatusWord)) { _ = try terminal.unprotect(answer) }
    }

    @Test func unprotectedSuccessIsRejectedWithoutCounting() throws {
        var session = SecureMessagingVectorTests.bacSession()
        _ = try session.protect(read)
        let before = session.sendSequenceCounter
        expectFailure(SecureMessagingError(.missingMAC)) {
            _ = try session.unprotect(try ResponseAPDU(encoded: hex("5C0261759000")))
        }
        #expect(session.sendSequenceCounter == before)
    }

    @Test(arguments: ["6987", "6988"])
    func chipReportedSecureMessagingErrorIsADesync(status: String) throws {
        var session = SecureMessagingVectorTests.bacSession()
        _ = try session.protect(read)
        expectFailure(SecureMessagingError(.chipReportedDesync)) { _ = try session.unprotect(try ResponseAPDU(encoded: hex(status))) }
    }

    @Test func malformedResponseObjectsAreTyped() throws {
        var session = SecureMessagingVectorTests.bacSession()
        _ = try session.protect(read)
        expectFailure(SecureMessagingError(.malformedResponse)) { _ = try session.unprotect(try ResponseAPDU(encoded: hex("8784FFFFFFFF9000"))) }
    }

    @Test func oddInstructionUsesDO85AndExtendedLengthWhenNeeded() throws {
        var session = SecureMessagingVectorTests.bacSession()
        let readOdd = CommandAPDU(ins: 0xB1, p1: 0, p2: 0, data: hex("54028000"), expectedLength: 1000)
        let protected = try session.protect(readOdd)
        let objects = try TLV.decodeSequence(protected.data)
        #expect(objects.map(\.tag) == [0x85, 0x97, 0x8E])
        #expect(objects[1].value == [0x03, 0xE8])
        #expect(protected.needsExtendedLength)
        #expect(try protected.encoded().suffix(2) == [0x00, 0x00])
    }

    @Test func aCommandThatCannotBeProtectedDoesNotMoveTheCounter() {
        var session = BrokenCipherSession()
        #expect(throws: CryptoError.self) { _ = try session.protect(self.select) }
        #expect(session.sendSequenceCounter == .zero(blockSize: 16))
    }
}

/// A session whose cipher fails, to check that protect leaves the counter as it was.
struct BrokenCipherSession: SecureMessaging {
    let cipher = CipherAlgorithm.aes128
    var sendSequenceCounter = SendSequenceCounter.zero(blockSize: 16)
    func encrypt(_ paddedData: [UInt8]) throws -> [UInt8] { throw CryptoError(.openSSLFailure) }
    func decrypt(_ cryptogram: [UInt8]) throws -> [UInt8] { throw CryptoError(.openSSLFailure) }
    func mac(_ paddedInput: [UInt8]) throws -> [UInt8] { throw CryptoError(.openSSLFailure) }
}
