import CCCDTestSupport
import Foundation
import Testing

/// Progress on stderr only when stderr is a terminal: through a real pseudo-terminal (util-linux
/// `script`), and absent from a pipe.
extension CardReadEndToEndTests {
    @Test("A terminal sees bytes read / expected per file; a pipe does not", .enabled(if: which("script") != nil))
    func progressOnTerminal() async throws {
        let script = try #require(which("script"))
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(profile: material.profile("nguyen-thi-mau"), in: folder) { _ in
                    let command = [BuiltProducts.executable("cccdctl").path, "card", "read", "--reader", "'\(PCSCRig.firstReaderName)'", "--can", "000123"]
                    let terminal = try await runProcess(script, ["-qec", command.joined(separator: " "), "/dev/null"])
                    #expect(terminal.status == 0, "\(terminal.stdoutText)")
                    // The last report of DG2: all of its bytes, on a line rewritten with \r.
                    let dg2 = try #require(terminal.stdoutText.range(of: #"\rDG2 \d+/\d+: (\d+)/\1 bytes"#, options: .regularExpression))
                    #expect(!dg2.isEmpty)
                    #expect(terminal.stdoutText.contains("Nguyễn Thị Mẫu"))

                    let piped = try await CardReadCLI.run(["--can", "000123"])
                    #expect(piped.status == 0)
                    #expect(piped.stderr.isEmpty)
                }
            }
        }
    }
}
