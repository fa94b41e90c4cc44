import CCCDTestSupport
import Foundation
import Testing

/// `cccdctl qr decode` end to end: images made by `qrencode`, decoded by the real binary through
/// libzbar and the identity parser.
@Suite("cccdctl qr decode", .enabled(if: QREncode.isAvailable, "needs qrencode (TEST_DEBS)"))
struct QRDecodeCommandTests {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func decode(_ files: [URL], _ extra: [String] = []) async throws -> ProcessOutcome {
        try await runProcess(BuiltProducts.executable("cccdctl"), ["qr", "decode"] + extra + files.map(\.path))
    }

    /// The stdout of `decode` is a stream of pretty JSON objects; split it into dictionaries.
    private func objects(_ outcome: ProcessOutcome) throws -> [[String: Any]] {
        var objects: [[String: Any]] = []
        var current = ""
        for line in outcome.stdoutText.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line == "}" {
                let object = try JSONSerialization.jsonObject(with: Data(current.utf8))
                objects.append(try #require(object as? [String: Any]))
                current = ""
            }
        }
        return objects
    }

    @Test("Every shipped sample decodes to a valid identity, in file order")
    func samples() async throws {
        let folder = Self.repositoryRoot.appendingPathComponent("Samples/qr")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "png" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(files.count == 3)
        let outcome = try await decode(files)
        #expect(outcome.status == 0, "\(outcome.stderrText)")
        let names = try objects(outcome).map { $0["fullName"] as? String }
        #expect(names == ["Đặng Thị Ngọc Hường", "Nguyễn Thị Mẫu", "Trần Văn Thử"])
    }

    @Test("A qrencode image decodes to the same JSON as qr parse of its payload")
    func sameAsParse() async throws {
        let payload = "079205000456||Trần Văn Thử|20112005|Nam|Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh|15082024||||"
        try await withTemporaryDirectory { folder in
            let image = folder.appendingPathComponent("card.png")
            try await QREncode.encode(Array(payload.utf8), to: image)
            let decoded = try await decode([image])
            let parsed = try await runProcess(BuiltProducts.executable("cccdctl"), ["qr", "parse", payload])
            #expect(decoded.status == 0)
            #expect(decoded.stdoutText == parsed.stdoutText)
            #expect(try objects(decoded).first?["layout"] as? String == "canCuoc2024")
        }
    }

    @Test("A QR that is not a card payload exits 65; the other files are still printed")
    func invalidPayload() async throws {
        try await withTemporaryDirectory { folder in
            let bad = folder.appendingPathComponent("bad.png")
            let good = folder.appendingPathComponent("good.png")
            try await QREncode.encode(Array("001190000123|012345678|Nguyễn Thị Mẫu|31021990|Nữ|Hà Nội|01072021".utf8), to: bad)
            try await QREncode.encode(Array("001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Hà Nội|01072021".utf8), to: good)
            let outcome = try await decode([bad, good])
            #expect(outcome.status == 65)
            #expect(try objects(outcome).count == 1)
            let lines = outcome.stderrText.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("\(bad.path): ") == true)
            #expect(lines.first?.contains("[qr.field.notADate]") == true)
        }
    }

    @Test("No QR symbol, a missing file and a non-image each exit 66 with one line each")
    func unreadable() async throws {
        try await withTemporaryDirectory { folder in
            let blank = folder.appendingPathComponent("blank.pgm")
            try Data("P5\n64 64\n255\n".utf8 + [UInt8](repeating: 255, count: 64 * 64)).write(to: blank)
            let text = folder.appendingPathComponent("notes.png")
            try Data("not an image".utf8).write(to: text)
            let missing = folder.appendingPathComponent("missing.png")
            let outcome = try await decode([blank, text, missing])
            #expect(outcome.status == 66)
            #expect(outcome.stdout.isEmpty)
            let lines = outcome.stderrText.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines[0].contains("[qr.image.noSymbolFound]"))
            #expect(lines[1].contains("[qr.image.notAnImage]"))
            #expect(lines[2].contains("[qr.image.fileNotFound]"))
        }
    }

    @Test("--lang vi prints the error in Vietnamese")
    func vietnamese() async throws {
        try await withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("missing.png")
            let outcome = try await decode([missing], ["--lang", "vi"])
            #expect(outcome.status == 66)
            #expect(outcome.stderrText.contains("[qr.image.fileNotFound]"))
            #expect(!outcome.stderrText.contains("not found"))
        }
    }
}
