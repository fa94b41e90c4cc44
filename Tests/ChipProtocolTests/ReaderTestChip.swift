import ChipProtocol
import ICAOCrypto
import Synchronization

/// A card that the reader's orchestration is tested against: EF.CardAccess, PACE-CAN (through
/// ``SimulatedPACEChip``), BAC, secure messaging, SELECT/READ BINARY (even and odd INS, short
/// and extended), Chip Authentication and INTERNAL AUTHENTICATE, written from the standard on
/// ICAOCrypto primitives — plus the faults real cards and readers have: Le limits, no extended
/// length, 6982 on DG3, a desynchronisation, a card pulled out.
///
/// It records every command (decrypted) so tests can count round trips and check that nothing
/// reads past the end of a file.
actor ReaderTestChip: APDUTransport {
    struct CardRemoved: Error {}

    struct Configuration: Sendable {
        var files: [UInt16: [UInt8]] = [:]
        var cardAccess: [UInt8]?
        var can: String?
        var bacKey: BACKeys?
        /// Largest short Le accepted; a larger one answers 6700.
        var maximumShortLength = 256
        var supportsExtendedLength = false
        var deniedFiles: Set<UInt16> = [0x0103]
        /// The MSE:Set AT of PACE answers this instead of proceeding.
        var paceSetupStatus: StatusWord?
        /// The chip's static Chip Authentication private key (brainpoolP256r1).
        var chipAuthenticationPrivateKey: [UInt8]?
        /// Signs INTERNAL AUTHENTICATE challenges.
        var activeAuthenticationSigner: (@Sendable ([UInt8]) throws -> [UInt8])?
        /// The transport fails (card pulled) at this 0-based command.
        var removedAtCommand: Int?
        /// Answers a plain 6988 and drops secure messaging at this 0-based command.
        var desyncAtCommand: Int?
        /// Answers a plain 6988 and drops secure messaging at the first protected command with this INS.
        var desyncOnInstruction: UInt8?
        /// The protected response to this 0-based command has its MAC damaged in transit; the
        /// chip's own session carries on.
        var corruptedResponseAtCommand: Int?
        /// READ BINARY by short EF identifier; without it P1 bit 8 answers 6A86.
        var supportsShortFileIdentifiers = true
        /// Only EF.CardAccess (SFI 1C, at MF level) refuses to be read by short identifier (6A86).
        var refusesCardAccessByShortIdentifier = false
        /// A plain command while secure messaging is on ends the session with 6988, unexecuted.
        var plainCommandEndsSession = true
        /// Extended READ BINARY under secure messaging is refused with a plain 6988.
        var rejectsExtendedWith6988 = false
    }

    struct Record: Sendable {
        let command: CommandAPDU
        let status: StatusWord
    }

    private var configuration: Configuration
    private let crypto = OpenSSLCrypto()
    private var pace: SimulatedPACEChip?
    private var session: (any SecureMessaging)?
    private var applicationSelected = false
    private var currentFile: [UInt8]?
    private var bacChallenge: [UInt8]?
    private var pendingSession: (any SecureMessaging)?
    private(set) var records: [Record] = []
    private(set) var paceRuns = 0
    /// Reads that asked for bytes beyond the end of the file.
    private(set) var overreads = 0
    private var commandIndex = 0

    init(_ configuration: Configuration) throws {
        self.configuration = configuration
        pace = try configuration.can.map { try SimulatedPACEChip(cipher: .aes128, oid: hex("04007F00070202040202"), parameterID: 13, can: $0) }
    }

    var commands: [CommandAPDU] { records.map(\.command) }

    func transmit(_ bytes: [UInt8]) async throws -> [UInt8] {
        defer { commandIndex += 1 }
        if commandIndex == configuration.removedAtCommand { throw CardRemoved() }
        var command = try CommandAPDU(encoded: bytes)
        if command.cla & 0x0C == 0x0C {
            guard var current = session else { return [0x69, 0x88] }
            guard let plain = try? current.chipUnprotect(command) else {
                session = nil
                return [0x69, 0x88]
            }
            session = current
            command = plain
            let desyncHere = command.ins == configuration.desyncOnInstruction
            if desyncHere { configuration.desyncOnInstruction = nil }
            if commandIndex == configuration.desyncAtCommand || desyncHere
                || (configuration.rejectsExtendedWith6988 && command.ins == 0xB0 && (command.expectedLength ?? 0) > 256) {
                session = nil
                records.append(Record(command: command, status: StatusWord(0x6988)))
                return [0x69, 0x88]
            }
            let (data, status) = try await process(command, protected: true)
            records.append(Record(command: command, status: status))
            guard status.isSuccess || status == .endOfFileReached, var current = session else { return [status.sw1, status.sw2] }
            let response = try current.chipProtectResponse(data: data, status: status)
            session = pendingSession ?? current
            pendingSession = nil
            var encoded = response.encoded
            if commandIndex == configuration.corruptedResponseAtCommand { encoded[encoded.count - 3] ^= 0x01 }
            return encoded
        }
        if session != nil, configuration.plainCommandEndsSession {
            // ISO 7816-4: a plain command in a secure-messaging session ends it, unexecuted.
            session = nil
            records.append(Record(command: command, status: StatusWord(0x6988)))
            return [0x69, 0x88]
        }
        let (data, status) = try await process(command, protected: false)
        records.append(Record(command: command, status: status))
        return data + [status.sw1, status.sw2]
    }

    private func process(_ command: CommandAPDU, protected: Bool) async throws -> ([UInt8], StatusWord) {
        switch (command.ins, command.p1, command.p2) {
        case (0xA4, 0x04, 0x0C):
            applicationSelected = command.data == hex("A0000002471001")
            currentFile = nil
            return ([], applicationSelected ? .success : .fileNotFound)
        case (0xA4, 0x00, 0x0C):
            return ([], .instructionNotSupported)
        case (0xA4, 0x02, 0x0C):
            return select(command.data.reduce(0) { $0 << 8 | UInt16($1) }, protected: protected)
        case (0xB0, _, _), (0xB1, _, _):
            return try readBinary(command, protected: protected)
        case (0x22, 0xC1, 0xA4):
            return try await runPACE(command)
        case (0x86, _, _) where !protected:
            return try await runPACE(command)
        case (0x84, _, _):
            return try getChallenge()
        case (0x82, _, _):
            return try mutualAuthenticate(command.data)
        case (0x22, 0x41, 0xA4):
            return ([], configuration.chipAuthenticationPrivateKey == nil ? .incorrectParameters : .success)
        case (0x86, _, _):
            return try chipAuthenticate(command.data)
        case (0x88, _, _):
            guard let signer = configuration.activeAuthenticationSigner else { return ([], .instructionNotSupported) }
            return (try signer(command.data), .success)
        default:
            return ([], .instructionNotSupported)
        }
    }

    private func select(_ identifier: UInt16, protected: Bool) -> ([UInt8], StatusWord) {
        currentFile = nil
        if identifier == 0x011C {
            guard let cardAccess = configuration.cardAccess else { return ([], .fileNotFound) }
            currentFile = cardAccess
            return ([], .success)
        }
        let needsAccess = configuration.can != nil || configuration.bacKey != nil
        guard !needsAccess || (protected && applicationSelected) else { return ([], .securityStatusNotSatisfied) }
        if configuration.deniedFiles.contains(identifier) { return ([], .securityStatusNotSatisfied) }
        guard let file = configuration.files[identifier] else { return ([], .fileNotFound) }
        currentFile = file
        return ([], .success)
    }

    private func readBinary(_ command: CommandAPDU, protected: Bool) throws -> ([UInt8], StatusWord) {
        var command = command
        if command.ins == 0xB0, command.p1 & 0x80 != 0 {
            let shortID = command.p1 & 0x1F
            guard configuration.supportsShortFileIdentifiers, !(shortID == 0x1C && configuration.refusesCardAccessByShortIdentifier) else {
                return ([], .incorrectParameters)
            }
            let identifier: UInt16 = shortID == 0x1C || shortID == 0x1D || shortID == 0x1E ? 0x0100 | UInt16(shortID) : 0x0100 + UInt16(shortID)
            let selection = select(identifier, protected: protected)
            guard selection.1.isSuccess else { return selection }
            command.p1 = 0
        }
        guard let file = currentFile, let ne = command.expectedLength else { return ([], .conditionsOfUseNotSatisfied) }
        if ne > 256, !configuration.supportsExtendedLength { return ([], .wrongLength) }
        if ne <= 256, ne > configuration.maximumShortLength { return ([], .wrongLength) }
        let offset: Int
        var length = ne
        if command.ins == 0xB1 {
            let object = try TLV(decoding: command.data, expectedTag: 0x54)
            offset = object.value.reduce(0) { $0 << 8 | Int($1) }
            // Le counts DO53's header too: the largest value that fits with it.
            while length > 0, length + 1 + Self.derLengthSize(length) > ne { length -= 1 }
        } else {
            offset = Int(command.p1) << 8 | Int(command.p2)
        }
        guard offset < file.count else { return ([], .wrongParametersOffset) }
        if offset + length > file.count { overreads += 1 }
        let bytes = Array(file[offset..<min(file.count, offset + length)])
        return (command.ins == 0xB1 ? TLV(tag: 0x53, value: bytes).encoded : bytes, .success)
    }

    private static func derLengthSize(_ length: Int) -> Int {
        length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 4
    }

    private func runPACE(_ command: CommandAPDU) async throws -> ([UInt8], StatusWord) {
        guard let pace else { return ([], .instructionNotSupported) }
        if command.ins == 0x22, let status = configuration.paceSetupStatus { return ([], status) }
        if command.ins == 0x22 { paceRuns += 1 }
        let response = try ResponseAPDU(encoded: try await pace.transmit(try command.encoded()))
        if command.ins == 0x86, command.cla == 0x00, response.status.isSuccess {
            session = await pace.secureMessaging
            applicationSelected = false
        }
        return (response.data, response.status)
    }

    private func getChallenge() throws -> ([UInt8], StatusWord) {
        guard configuration.bacKey != nil, applicationSelected else { return ([], .conditionsOfUseNotSatisfied) }
        let challenge = try SystemRandomSource().randomBytes(8)
        bacChallenge = challenge
        return (challenge, .success)
    }

    /// The chip's side of BAC (Doc 9303-11 §9.7.3): check M_IFD and RND.IC, answer E_IC ‖ M_IC.
    private func mutualAuthenticate(_ data: [UInt8]) throws -> ([UInt8], StatusWord) {
        guard let keys = configuration.bacKey, let challenge = bacChallenge, data.count == 40 else { return ([], .conditionsOfUseNotSatisfied) }
        bacChallenge = nil
        let cryptogram = Array(data.prefix(32))
        guard try crypto.retailMAC(key: keys.macKey, Padding.pad(cryptogram, blockSize: 8)) == Array(data.suffix(8)) else {
            return ([], .verificationFailed)
        }
        let plain = try crypto.decrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: keys.encryptionKey, cryptogram)
        guard Array(plain[8..<16]) == challenge else { return ([], .verificationFailed) }
        let terminalChallenge = Array(plain[0..<8])
        let chipKey = try SystemRandomSource().randomBytes(16)
        let answer = try crypto.encrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: keys.encryptionKey, challenge + terminalChallenge + chipKey)
        let seed = zip(plain[16..<32], chipKey).map { $0 ^ $1 }
        session = TripleDESSecureMessaging(
            encryptionKey: try crypto.deriveKey(from: seed, counter: .encryption, for: .tripleDES),
            macKey: try crypto.deriveKey(from: seed, counter: .mac, for: .tripleDES),
            sendSequenceCounter: SendSequenceCounter(bytes: Array(challenge.suffix(4) + terminalChallenge.suffix(4)))
        )
        return (answer + (try crypto.retailMAC(key: keys.macKey, Padding.pad(answer, blockSize: 8))), .success)
    }

    /// Chip Authentication's GENERAL AUTHENTICATE: ECDH with the static key; the answer goes out
    /// under the old keys, then secure messaging restarts with the new ones at counter 0.
    private func chipAuthenticate(_ data: [UInt8]) throws -> ([UInt8], StatusWord) {
        guard let privateKey = configuration.chipAuthenticationPrivateKey else { return ([], .conditionsOfUseNotSatisfied) }
        let terminalKey = try TLV(decoding: data, expectedTag: 0x7C).children().required(tag: 0x80).value
        let curve = try crypto.ellipticCurve(.brainpoolP256r1)
        let secret = try curve.sharedSecret(privateKey: privateKey, peer: try curve.decodePoint(terminalKey))
        pendingSession = try AESSecureMessaging(
            encryptionKey: try crypto.deriveKey(from: secret, counter: .encryption, for: .aes128),
            macKey: try crypto.deriveKey(from: secret, counter: .mac, for: .aes128)
        )
        return (hex("7C00"), .success)
    }
}
