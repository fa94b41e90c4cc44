/// The APDUs of PACE (Doc 9303-11 §4.4.4): MSE:Set AT, then four chained GENERAL AUTHENTICATE
/// commands carrying dynamic authentication data (7C).
enum PACECommands {
    /// MSE:Set AT for mutual authentication: 80 protocol OID, 83 password reference, and
    /// 84 parameter id. The standard makes 84 conditional, but it is always sent: some chips
    /// answer 6A87 without it, and none is known to reject it.
    static func setAuthenticationTemplate(algorithm: PACEAlgorithm, password: PACEPassword, parameterID: Int) -> CommandAPDU {
        let data = TLV(tag: 0x80, value: algorithm.objectIdentifierContent).encoded
            + TLV(tag: 0x83, value: [password.reference]).encoded
            + TLV(tag: 0x84, value: [UInt8(truncatingIfNeeded: parameterID)]).encoded
        return CommandAPDU(ins: 0x22, p1: 0xC1, p2: 0xA4, data: data)
    }

    /// GENERAL AUTHENTICATE with one data object inside 7C; every step but the last sets the
    /// command-chaining bit (CLA 10).
    static func generalAuthenticate(tag: UInt32?, value: [UInt8], isLast: Bool) -> CommandAPDU {
        let inner = tag.map { TLV(tag: $0, value: value).encoded } ?? []
        return CommandAPDU(
            cla: isLast ? 0x00 : 0x10, ins: 0x86, p1: 0, p2: 0,
            data: TLV(tag: 0x7C, value: inner).encoded, expectedLength: CommandAPDU.shortMaximumExpectedLength
        )
    }

    /// The value of `tag` inside the chip's 7C answer.
    static func dynamicAuthenticationData(_ response: ResponseAPDU, tag: UInt32) throws -> [UInt8] {
        do {
            let container = try TLV(decoding: response.data, expectedTag: 0x7C)
            return try container.children().required(tag: tag).value
        } catch {
            throw PACEError(.invalidChipResponse, diagnostic: "\(error)")
        }
    }
}
