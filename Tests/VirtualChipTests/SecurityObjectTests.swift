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

    /// A brainpoolP256r1 document signer under a test CSCA, `openssl cms -sign` over the content.
    static func sign(_ content: [UInt8], in folder: URL) async throws -> [UInt8] {
        try #require(OpenSSLCommandLine.isAvailable, "the openssl command-line tool (Debian package openssl) is needed")
        let csca = try await TestCSCA.create(in: folder, name: "csca", subject: "/C=VN/O=Test/CN=Test CSCA", key: .ec("brainpoolP256r1"))
        let signer = try await csca.issueDocumentSigner(name: "ds", subject: "/C=VN/O=Test/CN=Test DS", key: .ec("brainpoolP256r1"))
        return EFSOD.encode(contentInfo: try await signWithOpenSSLCMS(content, signer: signer, in: folder))
    }
}
