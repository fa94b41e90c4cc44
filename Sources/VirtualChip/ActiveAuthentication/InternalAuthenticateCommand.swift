import ChipProtocol

extension ChipCore {
    /// INTERNAL AUTHENTICATE (00 88 00 00) with the terminal's 8-byte challenge, under secure
    /// messaging only. A chip without an AA key does not know the instruction (6D00).
    mutating func internalAuthenticate(_ command: CommandAPDU) -> CardResponse {
        guard let signer = environment.activeAuthentication else { return .status(.instructionNotSupported) }
        guard command.p1 == 0, command.p2 == 0 else { return .status(.incorrectParameters) }
        guard session.hasAccess else { return .status(.securityStatusNotSatisfied) }
        guard command.data.count == 8 else { return .status(.wrongLength) }
        guard let signature = try? signer.sign(challenge: command.data) else { return .status(StatusWord(0x6F00)) }
        return .success(signature)
    }
}
