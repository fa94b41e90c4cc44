import ChipProtocol

extension ChipCore {
    /// MSE, routed by P1-P2: Set AT C1A4 selects PACE (mutual authentication), Set AT 41A4 selects
    /// Chip Authentication (internal authentication), Set KAT 41A6 runs 3DES Chip Authentication
    /// at once. Other environments are not supported (6A86).
    mutating func manageSecurityEnvironment(_ command: CommandAPDU) -> CardResponse {
        guard let objects = try? TLV.decodeSequence(command.data) else { return .status(.incorrectData) }
        switch (command.p1, command.p2) {
        case (0xC1, 0xA4): return setPACEAuthenticationTemplate(objects)
        case (0x41, 0xA4): return setChipAuthenticationTemplate(objects)
        case (0x41, 0xA6): return setKeyAgreementTemplate(objects)
        default: return .status(.incorrectParameters)
        }
    }

    /// GENERAL AUTHENTICATE continues whichever protocol MSE:Set AT selected.
    mutating func generalAuthenticate(_ command: CommandAPDU) -> CardResponse {
        guard command.p1 == 0, command.p2 == 0 else { return .status(.incorrectParameters) }
        guard let container = try? TLV(decoding: command.data, expectedTag: 0x7C), let objects = try? container.children() else {
            return .status(.incorrectData)
        }
        if session.pace != nil { return paceGeneralAuthenticate(objects) }
        if session.chipAuthenticationSelected { return chipAuthenticationGeneralAuthenticate(objects) }
        return .status(.conditionsOfUseNotSatisfied)
    }

    /// Dynamic authentication data `7C { … }` as GENERAL AUTHENTICATE answers carry it.
    static func dynamicAuthenticationData(_ value: [UInt8]) -> [UInt8] {
        TLV(tag: 0x7C, value: value).encoded
    }
}
