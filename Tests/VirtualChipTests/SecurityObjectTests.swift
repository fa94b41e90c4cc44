import CCCDTestSupport
import ChipProtocol
import Foundation
import ICAOCrypto
import LDS
import Testing
@testable import VirtualChip

/// An EF.SOD signed by the `openssl` command-line tool over the chip's genuine data groups, served
/// by the chip and checked after a PACE read with the LDS module's hash checks: the genuine card
/// matches everywhere, the tampered-DG13 card fails on DG13 only.
@Suite struct SecurityObjectTests {
    @Test(arguments: [false, true])
    func hashesOfFilesReadThroughPACE(tampered: Bool) async throws {
        try await withTemporaryDirectory { folder in
            let options = Fixtures.options { $0.tamperedDG13 = tampered }
            let content = try VirtualCCCDChip(configuration: try Fixtures.configuration(options: options)).files
            let sod = try await Self.sign(try content.securityObjectContent(), in: folder)
            var configuration = try Fixtures.configuration(options: options)
            configuration.securityObject = sod
            // Same holder, keys and photo: the data groups are identical to the ones signed.
            let chip = try VirtualCCCDChip(configuration: configuration)
            chip.powerOn()
            var channel = try await Access.pace(InProcessTransport(chip: chip))
            var read = LDSFileSet()
            read.files[.sod] = try await channel.readFile(0x011D)
            for group in [DataGroup.dg1, .dg2, .dg13, .dg14, .dg15] {
                read.files[.dataGroup(group)] = try await channel.readFile(group.fileID)
            }
            let checks = try read.hashChecks(against: try #require(try read.sod()))
            for (group, check) in checks {
                if tampered && group == .dg13 {
                    guard case .mismatch = check else { Issue.record("DG13 hash should not match"); continue }
                } else {
                    #expect(check == .match, "\(group)")
                }
            }
            #expect(checks.count == 5)
        }
    }

    /// A self-signed brainpoolP256r1 document signer, `openssl cms -sign` over the content.
    static func sign(_ content: [UInt8], in folder: URL) async throws -> [UInt8] {
        let openssl = try #require(which("openssl"), "the openssl command-line tool (Debian package openssl) is needed")
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        try Data(content).write(to: folder.appendingPathComponent("lso.der"))
        for arguments in [
            ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:brainpoolP256r1", "-out", path("ds.key")],
            ["req", "-new", "-x509", "-key", path("ds.key"), "-subj", "/C=VN/O=Test/CN=Test DS", "-days", "30", "-out", path("ds.pem")],
            ["cms", "-sign", "-nodetach", "-binary", "-in", path("lso.der"), "-signer", path("ds.pem"), "-inkey", path("ds.key"),
             "-md", "sha256", "-econtent_type", "2.23.136.1.1.1", "-outform", "DER", "-out", path("sod.der")],
        ] {
            let outcome = try await runProcess(openssl, arguments, environment: ["HOME": folder.path])
            try #require(outcome.status == 0, "openssl \(arguments[0]): \(outcome.stderrText)")
        }
        return EFSOD.encode(contentInfo: [UInt8](try Data(contentsOf: folder.appendingPathComponent("sod.der"))))
    }
}
