import ChipProtocol
import ICAOCrypto
import PropertyBased
import Testing

/// Properties over generated inputs: encodings round-trip, and bytes a hostile chip could send
/// end in a typed error, never a crash or a half-accepted result.
@Suite struct HostileInputProperties {
    static let bytes = Gen.uint8().array(of: 0...80)

    @Test func commandAPDUsRoundTrip() async {
        await propertyCheck(
            input: Gen.uint8(), Gen.uint8().array(of: 0...300), Gen.int(in: 0...65536)
        ) { ins, data, ne in
            let command = CommandAPDU(cla: 0x00, ins: ins, p1: 0x01, p2: 0x02, data: data, expectedLength: ne == 0 ? nil : ne)
            let encoded = try command.encoded()
            #expect(try CommandAPDU(encoded: encoded) == command)
            #expect(encoded.count <= 4 + 3 + data.count + 2)
        }
    }

    @Test func dataObjectsRoundTrip() async {
        await propertyCheck(
            input: Gen.int(in: 0...5), Gen.uint8().array(of: 0...600)
        ) { tagIndex, value in
            let tag: UInt32 = [0x04, 0x5F1F, 0x7F49, 0x87, 0x5F8101, 0x01][tagIndex]
            let object = TLV(tag: tag, value: value)
            let (decoded, next) = try TLV.decode(object.encoded)
            #expect(decoded == object)
            #expect(next == object.encoded.count)
        }
    }

    @Test func parsersOnlyThrowTypedErrors() async {
        await propertyCheck(count: 300, input: Self.bytes) { bytes in
            do { _ = try TLV.decodeSequence(bytes) } catch { #expect(error is TLVError) }
            do { _ = try CommandAPDU(encoded: bytes) } catch { #expect(error is APDUError) }
            do { _ = try SecurityInfos(berEncoded: [0x31, UInt8(bytes.count & 0x7F)] + bytes) } catch { #expect(error is PACEError) }
        }
    }

    @Test func secureMessagingRejectsForgedResponses() async {
        await propertyCheck(count: 300, input: Self.bytes) { bytes in
            var session = SecureMessagingVectorTests.bacSession()
            _ = try session.protect(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 4))
            // Random objects followed by a random 8-byte "MAC": must never verify.
            let forged = bytes + [0x8E, 0x08] + Array(bytes.prefix(8)) + [UInt8](repeating: 0x5A, count: max(0, 8 - bytes.count))
            do {
                _ = try session.unprotect(ResponseAPDU(data: forged, status: .success))
                Issue.record("a forged response verified")
            } catch {
                #expect(error is SecureMessagingError)
            }
        }
    }

    @Test func paceAgainstAChipAnsweringGarbage() async {
        await propertyCheck(count: 60, input: Self.bytes) { bytes in
            let transport = GarbageChip(answer: bytes)
            do {
                _ = try await PACEVectorTests.pace().establish(over: transport)
                Issue.record("PACE succeeded against garbage")
            } catch {
                #expect(error is PACEError || error is APDUError || error is TLVError)
            }
        }
    }
}

/// Accepts MSE:Set AT, then answers every GENERAL AUTHENTICATE with the same bytes and 9000.
actor GarbageChip: APDUTransport {
    let answer: [UInt8]
    init(answer: [UInt8]) { self.answer = answer }

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        command.count > 1 && command[1] == 0x22 ? [0x90, 0x00] : answer + [0x90, 0x00]
    }
}
