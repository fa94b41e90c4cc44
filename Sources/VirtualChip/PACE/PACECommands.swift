import ChipProtocol

extension ChipCore {
    /// MSE:Set AT for PACE: 80 protocol OID (must be the advertised one), 83 password reference
    /// (01 MRZ, 02 CAN), 84 parameter id (optional on real CCCDs; required with
    /// ``ChipOptions/requireParameterID``, answering 6A87 like the chips cccd.md §6.4 mentions).
    mutating func setPACEAuthenticationTemplate(_ objects: [TLV]) -> CardResponse {
        session.pace = nil
        guard let configuration = environment.pace else { return .status(.incorrectData) }
        guard let oid = objects.first(tag: 0x80)?.value, let reference = objects.first(tag: 0x83)?.value else {
            return .status(.incorrectData)
        }
        guard oid == configuration.info.algorithm.objectIdentifierContent else { return .status(.incorrectData) }
        if let parameter = objects.first(tag: 0x84)?.value {
            guard parameter == [UInt8(truncatingIfNeeded: configuration.parameterID)] else { return .status(.incorrectData) }
        } else if environment.options.requireParameterID {
            return .status(.lcInconsistentWithParameters)
        }
        let password: [UInt8]
        switch reference {
        case [0x01]: password = Array(environment.secrets.mrzInformation.utf8)
        case [0x02]: password = environment.secrets.canPassword
        default: return .status(.referencedDataNotFound)
        }
        do {
            let keyMaterial = reference == [0x01] ? try environment.crypto.hash(.sha1, password) : password
            session.pace = try PACEChipSession(
                configuration: configuration, password: keyMaterial, crypto: environment.crypto, random: environment.random
            )
            return .success()
        } catch {
            return .status(.incorrectData)
        }
    }

    /// One PACE step. A wrong password surfaces at the token check (6300); any failure ends
    /// the PACE run, so the terminal starts again with MSE:Set AT.
    mutating func paceGeneralAuthenticate(_ objects: [TLV]) -> CardResponse {
        guard var pace = session.pace else { return .status(.conditionsOfUseNotSatisfied) }
        let outcome = pace.step(objects)
        session.pace = pace
        switch outcome {
        case .answer(let value):
            return .success(Self.dynamicAuthenticationData(value))
        case .established(let answer, let secureMessaging):
            session.pace = nil
            session.establish(secureMessaging)
            return .success(Self.dynamicAuthenticationData(answer))
        case .wrongPassword:
            session.pace = nil
            return .status(.verificationFailed)
        case .invalidData:
            session.pace = nil
            return .status(.incorrectData)
        }
    }
}
