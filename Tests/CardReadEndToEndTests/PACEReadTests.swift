import CCCDTestSupport
import Foundation
import LDS
import Testing

/// `cccdctl card read` through the real pcscd, vpcd and `cccd-vcard` binaries.
@Suite("card read end to end", .serialized, .enabled(if: PCSCRig.isAvailable && VirtualCardMaterial.toolsAvailable))
struct CardReadEndToEndTests {
    @Test("PACE-CAN read of the brainpool-signed card: DG13 identity, access method, APDU count")
    func paceWithCAN() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(profile: material.profile("nguyen-thi-mau"), in: folder) { _ in
                    let read = try await CardReadCLI.readJSON(["--can", "000123"])
                    #expect(read["fullName"] as? String == "Nguyễn Thị Mẫu")
                    #expect(read["idNumber"] as? String == "001190000123")
                    #expect(read["dateOfBirth"] as? String == "1990-03-15")
                    #expect(read["sex"] as? String == "female")
                    #expect(read["expiry"] as? String == "2030-03-15")
                    let access = try #require(read["access"] as? [String: Any])
                    #expect(access["method"] as? String == "PACE")
                    #expect(access["mapping"] as? String == "GM")
                    #expect(access["cipher"] as? String == "AES-128")
                    #expect(access["parameterId"] as? Int == 13)
                    #expect(read["chipAuthentication"] as? String == "verified")
                    #expect(read["activeAuthentication"] as? String == "signatureValid")
                    let mrz = try #require(read["mrz"] as? [String: Any])
                    #expect(mrz["dateOfExpiry"] as? String == "300315")
                    // vpcd carries extended APDUs: per file the header (read by short EF identifier,
                    // which selects it) and one read of the rest — the minimum. EF.CardAccess in the
                    // clear by short identifier (2) + PACE (5) + SELECT application + 7 files × 2 + CA (2) + AA (1).
                    let files = try #require(read["files"] as? [[String: Any]]).compactMap { $0["name"] as? String }
                    #expect(files == ["EF.CardAccess", "EF.COM", "EF.SOD", "DG1", "DG2", "DG13", "DG14", "DG15"])
                    #expect(read["apduCount"] as? Int == 2 + 5 + 1 + 7 * 2 + 2 + 1)
                }
            }
        }
    }
}
