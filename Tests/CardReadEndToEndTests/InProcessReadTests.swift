import CCCDIdentity
import CCCDTestSupport
import ChipProtocol
import Foundation
import LDS
import Testing
import VirtualChip

/// The same reads as the end-to-end suite, of the same generated cards, with the chip engine
/// wired straight to the reader (no pcscd, no vpcd, no processes): when an end-to-end test fails
/// and this one passes, the fault is in the PC/SC path.
@Suite("card read in process", .enabled(if: VirtualCardMaterial.toolsAvailable))
struct InProcessReadTests {
    /// What vpcd's reader allows (extended length, 65535-byte responses), as `cccdctl` chooses it.
    static let vpcdPolicy = ReadPolicy.extended(readerMaximumResponseLength: 65535)

    static func chip(_ profile: URL) throws -> InProcessTransport {
        let chip = try VirtualCCCDChip(profilePath: profile.path)
        chip.powerOn()
        return InProcessTransport(chip: chip)
    }

    @Test("PACE-CAN read: same identity, access method and APDU count as through pcscd; SOD hashes match")
    func paceWithCAN() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let transport = try Self.chip(material.profile("nguyen-thi-mau"))
            let can = try #require(CardAccessNumber("000123"))
            let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(cardAccessNumber: can), policy: Self.vpcdPolicy)
            #expect(result.accessMethod.description == "PACE-ECDH-GM-AES-128 (CAN, parameter 13)")
            let dg13 = try #require(ChipFile.dataGroup(13))
            let citizen = try DataGroup13(encoded: try #require(result.bytes(of: dg13))).citizen
            #expect(citizen.fullName == "Nguyễn Thị Mẫu")
            #expect(citizen.dateOfBirth?.iso8601 == "1990-03-15")
            #expect(result.statistics.commandCount == 2 + 5 + 1 + 7 * 2 + 2 + 1)
            #expect(result.statistics.commandCount == transport.traffic.commands)

            var set = LDSFileSet()
            for file in result.files {
                if let lds = LDSFile(fileName: file.file.name + ".bin") { set[lds] = file.bytes }
            }
            let checks = try set.hashChecks(against: try #require(try set.sod()))
            #expect(checks.count == 5 && checks.values.allSatisfy { $0 == .match })
        }
    }

    @Test("A card without extended length and Le ≤ 223 (tran-van-thu): the read falls back to short APDUs and completes")
    func shortOnlyCard() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let transport = try Self.chip(material.profile("tran-van-thu"))
            let can = try #require(CardAccessNumber("000456"))
            let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(cardAccessNumber: can), policy: Self.vpcdPolicy)
            #expect(result.activeAuthentication?.status == .signatureValid)
            #expect(result.activeAuthentication?.signatureScheme?.hasPrefix("ECDSA") == true)
            #expect(result.bytes(of: .sod) == (try [UInt8](Data(contentsOf: material.cardFolder("tran-van-thu").appendingPathComponent("EF.SOD.bin")))))
        }
    }

    @Test("BAC with the QR's candidates on a BAC-only card whose expiry is the second candidate")
    func bacWithQR() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let profile = try material.variant(of: "nguyen-thi-mau", suffix: "bac", options: ["bacOnly": true], holder: ["expiry": "2030-03-16"])
            let transport = try Self.chip(profile)
            guard case .cccd(let qr) = try ScannedQR.parse(CardReadCLI.qrPayload) else { throw EndToEndFailure(description: "QR") }
            let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: qr), plan: .withoutFaceImage, policy: Self.vpcdPolicy)
            #expect(result.accessMethod == .bac(candidateIndex: 1))
        }
    }
}
