import CCCDIdentity
import ChipProtocol
import LDS
import PropertyBased
import Testing

/// Arbitrary bytes never crash a parser: each either parses or throws its typed error.
@Suite struct HostileInputProperties {
    static let bytes = Gen.uint8().array(of: 0...120)

    /// Random bodies behind each file's own tag and a correct length, so the parsers get past the
    /// wrapper and into their inner structure.
    static func wrapped(_ tag: UInt8, _ body: [UInt8]) -> [UInt8] {
        TLV(tag: UInt32(tag), value: body).encoded
    }

    @Test func parsersOnlyThrowTypedErrors() async {
        await propertyCheck(count: 400, input: Self.bytes) { body in
            for bytes in [body, Self.wrapped(0x60, body)] {
                do { _ = try EFCOM(encoded: bytes) } catch { #expect(error is LDSError) }
            }
            for bytes in [body, Self.wrapped(0x61, body)] {
                do { _ = try DataGroup1(encoded: bytes) } catch { #expect(error is LDSError || error is MRZError) }
            }
            for bytes in [body, Self.wrapped(0x75, body)] {
                do { _ = try DataGroup2(encoded: bytes) } catch { #expect(error is LDSError) }
            }
            for bytes in [body, Self.wrapped(0x6D, body)] {
                do { _ = try DataGroup13(encoded: bytes) } catch { #expect(error is LDSError) }
            }
            for bytes in [body, Self.wrapped(0x6E, body)] {
                do { _ = try DataGroup14(encoded: bytes) } catch { #expect(error is LDSError) }
            }
            for bytes in [body, Self.wrapped(0x6F, body)] {
                do { _ = try DataGroup15(encoded: bytes) } catch { #expect(error is LDSError) }
            }
            for bytes in [body, Self.wrapped(0x77, body)] {
                do { _ = try EFSOD(encoded: bytes) } catch { #expect(error is LDSError) }
            }
            do {
                let total = try LDSFileLength.totalLength(ofFileStartingWith: body)
                #expect((2...LDSFileLength.defaultMaximum).contains(total))
            } catch let error as LDSError {
                #expect([LDSFailure.truncatedHeader, .lengthTooLarge].contains(error.reason))
            } catch {
                Issue.record("untyped error \(error)")
            }
        }
    }

    /// Mutating one byte of a valid DG13 or a valid DG2 gives a parse or a typed error, never a crash.
    @Test func singleByteMutationsOfValidFiles() async throws {
        let dg13 = DG13Fixture.file(DG13Fixture.parentsInOneSequence)
        let dg2 = try DataGroup2.encode(image: DataGroup2Tests.jpeg, width: 1, height: 1)
        await propertyCheck(count: 400, input: Gen.int(in: 0...10_000), Gen.uint8()) { position, value in
            var mutated = dg13
            mutated[position % mutated.count] = value
            do { _ = try DataGroup13(encoded: mutated) } catch { #expect(error is LDSError) }
            var image = dg2
            image[position % image.count] = value
            do { _ = try DataGroup2(encoded: image) } catch { #expect(error is LDSError) }
        }
    }

    /// DG13 structures made of random field numbers and random (valid or not) UTF-8 text.
    @Test func randomDG13Fields() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...40).array(of: 0...12), Gen.uint8().array(of: 0...20)) { numbers, text in
            let fields = numbers.map { DG13Fixture.field($0, TLV(tag: 0x0C, value: text).encoded) }
            do {
                let citizen = try DataGroup13(encoded: DG13Fixture.file(fields)).citizen
                #expect(citizen.unknownFields.allSatisfy { !(1...14).contains($0.number) && $0.number != 16 })
            } catch {
                #expect(error is LDSError)
            }
        }
    }
}
