import CCCDIdentity
import CCCDTestSupport
import Foundation
import Testing

/// BAC with the QR's expiry candidates, PACE with the MRZ, and a wrong CAN, through the binaries.
extension CardReadEndToEndTests {
    static let elderlyQR = "024150000789|121000789|Đặng Thị Ngọc Hường|02091950|Nữ|Thôn Thử Nghiệm, Xã Giả Lập, Huyện Mẫu, Bắc Giang|20032022"

    @Test("BAC-only card opened with --qr: the expiry candidate that matches the chip opens it", arguments: [
        // Never expires: the QR's only candidate is 991231. A cloned chip (its AA key ≠ DG15).
        ("dang-thi-ngoc-huong", elderlyQR, nil, 0),
        // A card whose expiry is the day after the derived birthday [?]: the second candidate.
        ("nguyen-thi-mau", CardReadCLI.qrPayload, "2030-03-16", 1),
    ] as [(String, String, String?, Int)])
    func bacWithQRCandidates(sample: String, payload: String, expiry: String?, keyIndex: Int) async throws {
        guard case .cccd(let qr) = try ScannedQR.parse(payload) else { throw EndToEndFailure(description: "QR") }
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let profile = try material.variant(of: sample, suffix: "bac", options: ["bacOnly": true], holder: expiry.map { ["expiry": $0] } ?? [:])
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(profile: profile, in: folder) { _ in
                    let read = try await CardReadCLI.readJSON(["--qr", payload, "--dg", "1,13,14,15"])
                    let access = try #require(read["access"] as? [String: Any])
                    #expect(access["method"] as? String == "BAC")
                    #expect(access["cipher"] as? String == "3DES")
                    #expect(access["bacKeyIndex"] as? Int == keyIndex)
                    #expect(read["fullName"] as? String == qr.fullName)
                    #expect(read["idNumber"] as? String == qr.personalID.digits)
                    #expect(read["expiry"] as? String == expiry ?? "noExpiry")
                    #expect(read["activeAuthentication"] as? String == (sample == "dang-thi-ngoc-huong" ? "signatureInvalid" : "signatureValid"))
                    #expect(read["face"] is NSNull)
                }
            }
        }
    }

    @Test("--mrz opens the chip with PACE-MRZ")
    func paceWithMRZ() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(profile: material.profile("nguyen-thi-mau"), in: folder) { _ in
                    let read = try await CardReadCLI.readJSON(["--mrz", "190000123,900315,300315", "--dg", "1,13"])
                    let access = try #require(read["access"] as? [String: Any])
                    #expect(access["method"] as? String == "PACE")
                    #expect(access["password"] as? String == "MRZ")
                    #expect(read["idNumber"] as? String == "001190000123")
                    let mrz = try #require(read["mrz"] as? [String: Any])
                    #expect(mrz["format"] as? String == "td1")
                    #expect(mrz["dateOfBirth"] as? String == "900315")
                }
            }
        }
    }

    @Test("--mrz opens a TD3 passport with BAC: any document number, DG1 parsed as TD3, no DG13")
    func passportWithBAC() async throws {
        // ICAO Doc 9303-4's specimen passport (a fictional person of the fictional state Utopia).
        let lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let profile = try material.variant(of: "nguyen-thi-mau", suffix: "passport", options: ["bacOnly": true],
                                               holder: ["documentMRZ": lines])
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(profile: profile, in: folder) { _ in
                    let read = try await CardReadCLI.readJSON(["--mrz", "L898902C3,740812,120415"])
                    let access = try #require(read["access"] as? [String: Any])
                    #expect(access["method"] as? String == "BAC")
                    let mrz = try #require(read["mrz"] as? [String: Any])
                    #expect(mrz["format"] as? String == "td3")
                    #expect(mrz["documentNumber"] as? String == "L898902C3")
                    #expect(mrz["dateOfBirth"] as? String == "740812")
                    // A passport carries no Vietnamese personal data (DG13): the DG13 keys are null.
                    #expect(read["idNumber"] is NSNull)
                    #expect(read["fullName"] is NSNull)
                }
            }
        }
    }

    @Test("A wrong CAN: one line on stderr, exit 77, and the card still reads with the right one")
    func wrongCAN() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(profile: material.profile("nguyen-thi-mau"), in: folder) { _ in
                    let outcome = try await CardReadCLI.run(["--can", "999999", "--out", folder.appendingPathComponent("out").path])
                    #expect(outcome.status == 77)
                    #expect(outcome.stdout.isEmpty)
                    let lines = outcome.stderrText.split(separator: "\n")
                    #expect(lines.count == 1)
                    #expect(outcome.stderrText.contains("[chip.access.wrongCAN]"))
                    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
                    let read = try await CardReadCLI.readJSON(["--can", "000123", "--dg", "13"])
                    #expect(read["fullName"] as? String == "Nguyễn Thị Mẫu")
                }
            }
        }
    }
}
