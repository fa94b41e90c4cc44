import CCCDTestSupport
import ChipProtocol
import Foundation
import LDS
import Testing
@testable import VirtualChip

/// The sample profiles in `Samples/vcard`, with the keys and photo their README says to make.
@Suite struct SampleProfileTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/vcard")

    /// (profile, CAN, full name, MRZ expiry)
    static let cases = [
        ("nguyen-thi-mau.json", "000123", "Nguyễn Thị Mẫu", "300315"),
        ("tran-van-thu.json", "000456", "Trần Văn Thử", "301120"),
        ("dang-thi-ngoc-huong.json", "000789", "Đặng Thị Ngọc Hường", "991231"),
    ]

    @Test(arguments: cases)
    func sampleCardsRead(profile: String, can: String, name: String, expiry: String) async throws {
        try await withTemporaryDirectory { folder in
            try Self.makeFiles(in: folder)
            let path = folder.appendingPathComponent(profile)
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(profile), to: path)
            var decoded = try JSONDecoder().decode(VirtualChipProfile.self, from: Data(contentsOf: path))
            if decoded.securityObject != nil {
                // Sign the card's own data groups, as the README describes, before loading it whole.
                decoded.securityObject = nil
                let files = try VirtualCCCDChip(configuration: try VirtualChipConfiguration(profile: decoded, relativeTo: folder)).files
                let sod = try await SecurityObjectTests.sign(try files.securityObjectContent(), in: folder)
                try Data(sod).write(to: folder.appendingPathComponent("EF.SOD.bin"))
            }
            let chip = try VirtualCCCDChip(profilePath: path.path)
            chip.powerOn()
            let transport = InProcessTransport(chip: chip)
            var channel = try await Access.pace(transport, password: .can(can))
            let citizen = try DataGroup13(encoded: try await channel.readFile(0x010D)).citizen
            #expect(citizen.fullName == name)
            let mrz = try DataGroup1(encoded: try await channel.readFile(0x0101)).mrz
            #expect(mrz.lines[1].dropFirst(8).prefix(6) == Substring(expiry))
            let (publicKey, signature) = try await ActiveAuthenticationTests.authenticate(transport, expectedLength: 256, password: .can(can))
            let verified = try await withTemporaryDirectory { scratch in
                if signature.count == 64 {
                    return try await ActiveAuthenticationTests.verifyECDSA(publicKey: publicKey, signature: signature, challenge: ActiveAuthenticationTests.challenge, in: scratch)
                }
                return try await ActiveAuthenticationTests.verifyISO9796(publicKey: publicKey, signature: signature, challenge: ActiveAuthenticationTests.challenge, in: scratch)
            }
            #expect(verified == !decoded.options.clonedChip)
        }
    }

    static func makeFiles(in folder: URL) throws {
        let keys = folder.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        try Fixtures.rsa1024PEM.write(to: keys.appendingPathComponent("aa-rsa.pem"), atomically: true, encoding: .utf8)
        try Fixtures.p256PEM.write(to: keys.appendingPathComponent("aa-p256.pem"), atomically: true, encoding: .utf8)
        try Fixtures.brainpoolPEM.write(to: keys.appendingPathComponent("ca-brainpool.pem"), atomically: true, encoding: .utf8)
        try Data(Fixtures.smallPhoto).write(to: folder.appendingPathComponent("face.jpg"))
    }
}
