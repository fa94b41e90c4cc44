import ChipProtocol
import ICAOCrypto
import Testing

/// The sans-I/O PACE machine driven by hand through App. G.1, and misuse of it.
@Suite struct PACEStateMachineTests {
    static let g1Answers = [
        "9000",
        "7C12801095A3A016522EE98D01E76CB6B98B42C39000",
        "7C438241" + PACEVectorTests.pkMapIC + "9000",
        "7C438441" + PACEVectorTests.pkIC + "9000",
        "7C0A86083ABB9674BCE93C089000",
    ]

    @Test func walksTheStepsOfG1() throws {
        var machine = try PACEVectorTests.pace().makeStateMachine()
        #expect(machine.awaitedStep == nil)
        var command = try machine.start()
        var steps: [PACE.Step] = []
        var established = false
        for answer in Self.g1Answers {
            steps += machine.awaitedStep.map { [$0] } ?? []
            switch try machine.receive(try ResponseAPDU(encoded: hex(answer))) {
            case .transmit(let next): command = next
            case .established: established = true
            }
        }
        #expect(steps == [.setAuthenticationTemplate, .encryptedNonce, .mapNonce, .keyAgreement, .mutualAuthentication])
        #expect(established)
        #expect(try command.encoded().hexString == "008600000C7C0A8508C2B0BD78D94BA86600")
        #expect(machine.awaitedStep == nil)
        expectFailure(PACEError(.outOfSequence)) { _ = try machine.receive(ResponseAPDU(status: .success)) }
    }

    @Test func misuseIsATypedError() throws {
        var machine = try PACEVectorTests.pace().makeStateMachine()
        expectFailure(PACEError(.outOfSequence)) { _ = try machine.receive(ResponseAPDU(status: .success)) }
        _ = try machine.start()
        expectFailure(PACEError(.outOfSequence)) { _ = try machine.start() }
    }

    @Test func aFailedMachineStaysFailed() throws {
        var machine = try PACEVectorTests.pace().makeStateMachine()
        _ = try machine.start()
        expectFailure(PACEError(.setupRejected)) { _ = try machine.receive(ResponseAPDU(status: .incorrectData)) }
        #expect(machine.awaitedStep == nil)
        expectFailure(PACEError(.outOfSequence)) { _ = try machine.receive(ResponseAPDU(status: .success)) }
    }
}
