import ChipProtocol

/// The command processor behind ``VirtualCCCDChip``: one value holding the card's immutable
/// environment and its session, advanced by one APDU at a time.
///
/// Every outcome is a status word: hostile or malformed input never throws out of here.
struct ChipCore: Sendable {
    let environment: ChipEnvironment
    var session = ChipSession()

    init(environment: ChipEnvironment) {
        self.environment = environment
    }

    mutating func respond(to bytes: [UInt8]) -> [UInt8] {
        guard let command = try? CommandAPDU(encoded: bytes) else { return CardResponse.status(.wrongLength).encoded }
        // Interindustry class only: chaining (10) and secure messaging (0C) bits, channel 0.
        guard command.cla & ~0x1C == 0 else { return CardResponse.status(.classNotSupported).encoded }
        let refusedLength = environment.options.noExtendedLength && Self.isExtendedLength(bytes)
        if command.cla & 0x0C == 0x0C {
            return respondProtected(to: command, refusingLength: refusedLength)
        }
        if refusedLength { return CardResponse.status(.wrongLength).encoded }
        if session.hasAccess { session.dropAccess() }
        let response = process(command)
        session.commitPendingKeys()
        return response.encoded
    }

    /// Unwraps, processes and protects; a broken command ends the session with a plain 6988.
    ///
    /// A command the chip cannot take (`refusingLength`) is still unwrapped — its counter step
    /// happens — and then answered with a plain 6700 that does not advance the counter, which
    /// is what real chips do and what a correct reader stays in step with (cccd.md §6.3).
    private mutating func respondProtected(to command: CommandAPDU, refusingLength: Bool) -> [UInt8] {
        guard var secureMessaging = session.secureMessaging else {
            return CardResponse.status(.incorrectSecureMessagingObjects).encoded
        }
        let plain: CommandAPDU
        do {
            plain = try secureMessaging.unprotect(command)
        } catch {
            session.dropAccess()
            return CardResponse.status(.incorrectSecureMessagingObjects).encoded
        }
        session.secureMessaging = secureMessaging
        if refusingLength { return CardResponse.status(.wrongLength).encoded }
        let response = process(plain)
        // The answer goes out under the keys that unwrapped the command; keys a handler queued
        // (Chip Authentication) take over afterwards.
        let counterBefore = secureMessaging.counter
        do {
            var protected = try secureMessaging.protect(response, oddInstruction: plain.ins & 1 == 1)
            if environment.options.noExtendedLength, protected.count - 2 > CommandAPDU.shortMaximumExpectedLength {
                secureMessaging.counter = counterBefore
                protected = try secureMessaging.protect(.status(.wrongLength), oddInstruction: false)
            }
            session.secureMessaging = secureMessaging
            session.commitPendingKeys()
            return protected
        } catch {
            session.dropAccess()
            return CardResponse.status(.incorrectSecureMessagingObjects).encoded
        }
    }

    private mutating func process(_ command: CommandAPDU) -> CardResponse {
        switch command.ins {
        case 0xA4: selectFile(command)
        case 0xB0, 0xB1: readBinary(command)
        case 0x84: getChallenge(command)
        case 0x82: mutualAuthenticate(command)
        case 0x88: internalAuthenticate(command)
        case 0x22: manageSecurityEnvironment(command)
        case 0x86: generalAuthenticate(command)
        default: .status(.instructionNotSupported)
        }
    }

    /// Extended length: a zero byte after the header followed by more bytes (ISO 7816-3 cases
    /// 2E, 3E, 4E); a lone 00 is a short Le of 256.
    static func isExtendedLength(_ bytes: [UInt8]) -> Bool {
        bytes.count > 5 && bytes[4] == 0x00
    }
}
