import CCCDTestSupport
import Foundation
import LDS
import Testing
import VirtualChip

/// `--out` and `--photo`: the files are the chip's, byte for byte, and EF.SOD's hashes match them.
extension CardReadEndToEndTests {
    @Test("--out files equal the chip's and match EF.SOD's hashes; --photo writes the JPEG", arguments: ["nguyen-thi-mau", "tran-van-thu"])
    func outputFiles(sample: String) async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let out = folder.appendingPathComponent("out"), photo = folder.appendingPathComponent("face-read.jpg")
            let can = sample == "nguyen-thi-mau" ? "000123" : "000456"
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(profile: material.profile(sample), in: folder) { _ in
                    let outcome = try await CardReadCLI.run(["--can", can, "--out", out.path, "--photo", photo.path])
                    #expect(outcome.status == 0, "\(outcome.stderrText)")
                    // The summary: who, how, what it cost.
                    #expect(outcome.stdoutText.contains("PACE-ECDH-GM-AES-128"))
                    #expect(outcome.stdoutText.contains("APDUs"))
                }
            }
            let chip = try VirtualCCCDChip(profilePath: material.profile(sample).path)
            let cardFolder = material.cardFolder(sample)
            var expected: [String: [UInt8]] = ["EF.COM.bin": chip.files.efCOM, "EF.SOD.bin": try Self.bytes(cardFolder.appendingPathComponent("EF.SOD.bin"))]
            expected["EF.CardAccess.bin"] = chip.files.cardAccess
            for number in [1, 2, 13, 14, 15] { expected["DG\(number).bin"] = chip.files.servedDataGroups[number] }
            let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(written == expected.keys.sorted())
            var set = LDSFileSet()
            for name in written {
                let bytes = try Self.bytes(out.appendingPathComponent(name))
                #expect(bytes == expected[name], "\(name)")
                if let file = LDSFile(fileName: name) { set[file] = bytes }
            }
            let checks = try set.hashChecks(against: try #require(try set.sod()))
            #expect(checks.count == 5)
            #expect(checks.values.allSatisfy { $0 == .match }, "\(checks)")

            // The EF.SOD read verifies with openssl against the test CSCA that signed its signer.
            let family = sample == "tran-van-thu" ? "rsa" : "brainpool"
            let contentInfo = folder.appendingPathComponent("sod.der")
            try Data(Self.contentInfo(ofSOD: try #require(set[.sod]))).write(to: contentInfo)
            let openssl = try #require(which("openssl"))
            let verify = try await runProcess(openssl, [
                "cms", "-verify", "-inform", "DER", "-in", contentInfo.path, "-CAfile", material.csca(family).path,
                "-purpose", "any", "-out", "/dev/null",
            ])
            #expect(verify.status == 0, "\(verify.stderrText)")

            let face = try Self.bytes(photo)
            #expect(face.starts(with: [0xFF, 0xD8, 0xFF]))
            #expect(face == (try Self.bytes(cardFolder.appendingPathComponent("face.jpg"))))
        }
    }

    /// EF.SOD without its tag 77 and length: the CMS ContentInfo openssl reads.
    static func contentInfo(ofSOD sod: [UInt8]) throws -> ArraySlice<UInt8> {
        guard sod.count > 2, sod[0] == 0x77 else { throw EndToEndFailure(description: "EF.SOD does not start with 77") }
        let header = sod[1] < 0x80 ? 2 : 2 + Int(sod[1] & 0x7F)
        return sod.dropFirst(header)
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
