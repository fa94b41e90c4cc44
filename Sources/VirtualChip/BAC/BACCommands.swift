import ChipProtocol

extension ChipCore {
    /// GET CHALLENGE: 8 random bytes, remembered for the MUTUAL AUTHENTICATE that follows.
    mutating func getChallenge(_ command: CommandAPDU) -> CardResponse {
        guard command.p1 == 0, command.p2 == 0 else { return .status(.incorrectParameters) }
        guard command.expectedLength == 8 else { return .status(.wrongLength) }
        guard let challenge = try? environment.random.randomBytes(8), challenge.count == 8 else {
            return .status(StatusWord(0x6F00))
        }
        session.challenge = challenge
        return .success(challenge)
    }

    /// MUTUAL AUTHENTICATE (BAC). A wrong MRZ answers 6300; the challenge is used up either way.
    mutating func mutualAuthenticate(_ command: CommandAPDU) -> CardResponse {
        guard command.p1 == 0, command.p2 == 0 else { return .status(.incorrectParameters) }
        guard let challenge = session.challenge else { return .status(.conditionsOfUseNotSatisfied) }
        session.challenge = nil
        guard command.data.count == 40 else { return .status(.wrongLength) }
        do {
            let keys = try BACKeys(mrz: try MRZInformation(value: environment.secrets.mrzInformation), crypto: environment.crypto)
            let authentication = BACChipAuthentication(keys: keys, crypto: environment.crypto)
            let chipKeyMaterial = try environment.random.randomBytes(16)
            guard let (answer, secureMessaging) = try authentication.respond(
                to: command.data, chipChallenge: challenge, chipKeyMaterial: chipKeyMaterial
            ) else { return .status(.verificationFailed) }
            session.establish(secureMessaging)
            return .success(answer)
        } catch {
            return .status(.verificationFailed)
        }
    }
}
