import CCCDTestSupport
import Foundation
import Testing

/// `cccdctl card read` refuses bad arguments before touching any reader (exit 64), and names a
/// reader that does not exist (exit 69).
@Suite("card read usage")
struct CardReadUsageTests {
    @Test("Bad access arguments, data groups or --photo without DG2: usage error 64", arguments: [
        ["--can", "12"],
        ["--can", "000123", "--qr", CardReadCLI.qrPayload],
        [],
        ["--mrz", "190000123,900315"],
        ["--mrz", "190000123,900399,300315"],
        ["--qr", "not a card QR"],
        ["--can", "000123", "--dg", "1,99"],
        ["--can", "000123", "--dg", "1,13", "--photo", "/tmp/face.jpg"],
    ])
    func usageErrors(arguments: [String]) async throws {
        let outcome = try await CardReadCLI.run(arguments)
        #expect(outcome.status == 64, "\(outcome.stderrText)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test("An unknown reader name: reader.notFound, exit 69", .enabled(if: PCSCRig.isAvailable))
    func unknownReader() async throws {
        try await PCSCRig.withRig { _ in
            let outcome = try await runProcess(
                BuiltProducts.executable("cccdctl"), ["card", "read", "--reader", "No Such Reader", "--can", "000123"]
            )
            #expect(outcome.status == 69)
            #expect(outcome.stderrText.contains("[reader.notFound]"), "\(outcome.stderrText)")
        }
    }
}
