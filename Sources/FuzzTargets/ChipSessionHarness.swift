import CCCDIdentity
import ChipProtocol
import ICAOCrypto
import Synchronization
import VirtualChip

/// The reader's state machine against a chip that answers wrongly: the in-process virtual CCCD
/// answers every APDU, and the fuzz input rewrites some of its answers (status words, bodies,
/// truncation, flipped bits, a vanished card). PACE or BAC, secure messaging, the chunked reads,
/// 6Cxx/6700/6282 handling, recovery after a broken session, Chip and Active Authentication.
///
/// Input: byte 0 picks the chip (bit 0: PACE with CA and AA, or BAC only) and the read policy
/// (bit 1: short reads only, or extended); then one instruction per APDU (``FaultyTransport``).
/// Invariant: whatever the faults, a read that succeeds returns exactly the chip's data groups —
/// everything after access control is MAC-protected, so a corrupted answer is refused, never used.
enum ChipSessionHarness {
    struct Chips: Sendable {
        let pace: VirtualCCCDChip
        let bac: VirtualCCCDChip
        let holder: ChipHolder
    }

    static let chips: Chips = {
        guard let id = PersonalID("001190000123"), let birth = CivilDate(year: 1990, month: 3, day: 15),
              let issue = CivilDate(year: 2021, month: 7, day: 1), let expiry = CivilDate(year: 2030, month: 3, day: 15)
        else { fatalError("the invented holder does not validate") }
        // The spec's invented sample person (Samples/vcard/nguyen-thi-mau.json).
        let holder = ChipHolder(personalID: id, fullName: "Nguyễn Thị Mẫu", dateOfBirth: birth, sex: .female,
                                placeOfOrigin: "Xã Mẫu Sơn, Huyện Thử, Hà Nội",
                                placeOfResidence: "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội",
                                issueDate: issue, expiry: .on(expiry), father: "Nguyễn Văn Bố", mother: "Trần Thị Mẹ")
        do {
            let pace = try VirtualCCCDChip(configuration: VirtualChipConfiguration(
                holder: holder, activeAuthenticationKey: try SigningKey.generate(.rsa(modulusBits: 1024)),
                chipAuthenticationKey: try SigningKey.generate(.ellipticCurve(.brainpoolP256r1))))
            var bacOnly = ChipOptions()
            bacOnly.bacOnly = true
            let bac = try VirtualCCCDChip(configuration: VirtualChipConfiguration(holder: holder, options: bacOnly))
            return Chips(pace: pace, bac: bac, holder: holder)
        } catch {
            fatalError("the fuzz virtual chips: \(error)")
        }
    }()

    static func run(_ data: [UInt8]) {
        var input = FuzzInput(data)
        let setup = input.byte()
        let chip = setup & 1 == 0 ? chips.pace : chips.bac
        guard let keys = chips.holder.bacKeyMaterial else { return invariant(false, "the holder has no BAC keys") }
        let credentials = setup & 1 == 0
            ? ChipCredentials(cardAccessNumber: chips.holder.personalID.cardAccessNumber, mrzKeys: [keys])
            : ChipCredentials(mrz: keys)
        let policy: ReadPolicy = setup & 2 == 0 ? .shortOnly : .extended(readerMaximumResponseLength: 65_538)
        chip.powerOn()
        // Off again before the input ends: a session state left in the (global) chip is a live
        // multi-payload enum, whose payload pointer carries the case in its spare bits, which
        // LeakSanitizer reports as a leak (Fuzz/README.md).
        defer { chip.powerOff() }
        let transport = FaultyTransport(chip: chip, program: input.rest())
        let result = blockingAwait { () -> ChipReadResult? in
            try? await ChipSession.read(over: transport, credentials: credentials, plan: .withoutFaceImage,
                                        policy: policy, timeout: .seconds(60))
        }
        guard let result else { return }
        for file in result.files {
            guard let number = file.file.dataGroupNumber else { continue }
            invariant(chip.files.servedDataGroups[number] == file.bytes, "DG\(number) read differs from the chip's")
        }
    }
}

/// The chip's answers, rewritten by a fuzz program: one instruction byte per APDU.
/// `00–BF` pass the answer through; `C0–CF` answer only the next two bytes as a status word;
/// `D0–DF` answer the next byte's count of bytes (data ‖ SW); `E0–EF` keep the data with the next
/// two bytes as status word; `F0–F7` truncate to the next byte's length; `F8–FE` XOR a byte at
/// the next byte's position with the one after; `FF` the card is gone (a transport error).
/// Once the program ends, the chip answers unchanged.
final class FaultyTransport: APDUTransport {
    struct CardRemoved: Error {}

    private let chip: VirtualCCCDChip
    private let program: Mutex<FuzzInput>
    /// A reader that keeps sending after this many APDUs is looping.
    static let apduLimit = 4_000
    private let sent = Atomic<Int>(0)

    init(chip: VirtualCCCDChip, program: [UInt8]) {
        self.chip = chip
        self.program = Mutex(FuzzInput(program))
    }

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        let count = sent.add(1, ordering: .relaxed).newValue
        invariant(count <= Self.apduLimit, "the reader sent over \(Self.apduLimit) APDUs in one session")
        return try program.withLock { program throws -> [UInt8] in
            if program.isAtEnd { return chip.respond(to: command) }
            let instruction = program.byte()
            switch instruction {
            case 0x00...0xBF:
                return chip.respond(to: command)
            case 0xC0...0xCF:
                _ = chip.respond(to: command)
                return program.bytes(2)
            case 0xD0...0xDF:
                _ = chip.respond(to: command)
                return program.bytes(Int(program.byte()))
            case 0xE0...0xEF:
                let answer = chip.respond(to: command)
                return Array(answer.dropLast(2)) + program.bytes(2)
            case 0xF0...0xF7:
                return Array(chip.respond(to: command).prefix(Int(program.byte())))
            case 0xF8...0xFE:
                var answer = chip.respond(to: command)
                let position = Int(program.byte())
                let mask = program.byte() | 1
                if !answer.isEmpty { answer[position % answer.count] ^= mask }
                return answer
            default:
                throw CardRemoved()
            }
        }
    }
}
