import ChipProtocol
import ICAOCrypto

/// The PACE variant a chip runs: the PACEInfo it advertises in EF.CardAccess, read back with the
/// reader's own parser so the chip runs exactly what it announces.
struct PACEChipConfiguration: Sendable {
    let info: PACEInfo
    let parameterID: Int
    let group: PACEKeyAgreementGroup

    init(cardAccess: [UInt8], crypto: any ICAOCryptography) throws {
        guard let info = try SecurityInfos(berEncoded: cardAccess).paceInfos.first,
              let parameterID = info.parameterID, let parameters = info.domainParameters
        else { throw VirtualChipError(.unsupportedPACEParameters, diagnostic: "no usable PACEInfo") }
        self.info = info
        self.parameterID = parameterID
        self.group = try PACEKeyAgreementGroup(parameters, crypto: crypto)
    }

    var cipher: CipherAlgorithm { info.algorithm.cipher }
}
