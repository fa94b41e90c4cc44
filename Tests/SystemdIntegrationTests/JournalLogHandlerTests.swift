import CCCDTestSupport
import Foundation
import Glibc
import Logging
import SystemdIntegration
import Testing

@Suite("journald-friendly logging")
struct JournalLogHandlerTests {
    @Test("stderr lines carry <N> priority prefixes, metadata as key=value, one line per entry")
    func prefixedLines() async throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let sink = JournalSink(destination: .prefixedLines(fileDescriptor: fds[1]))
        var logger = Logger(label: "cccdd.reader") { JournalLogHandler(label: $0, identifier: "cccdd", level: .debug, sink: sink) }
        logger[metadataKey: "reader"] = "ACS ACR1252 00 00"
        logger.error("card read failed\nsecond line", metadata: ["code": "chip.removed"])
        logger.warning("gateway slow")
        logger.info("ready")
        logger.debug("detail")
        logger.trace("dropped below the level")
        close(fds[1])
        let text = String(decoding: FileHandle(fileDescriptor: fds[0]).readDataToEndOfFile(), as: UTF8.self)
        #expect(text.split(separator: "\n") == [
            "<3>cccdd.reader: card read failed second line code=chip.removed reader=ACS ACR1252 00 00",
            "<4>cccdd.reader: gateway slow reader=ACS ACR1252 00 00",
            "<6>cccdd.reader: ready reader=ACS ACR1252 00 00",
            "<7>cccdd.reader: detail reader=ACS ACR1252 00 00",
        ])
    }

    @Test("the native protocol sends MESSAGE, PRIORITY, identifier and KIOSK_* fields; newlines use the binary form")
    func nativeDatagram() async throws {
        try await withTemporaryDirectory { directory in
            let listener = try DatagramListener(path: directory.appendingPathComponent("journal").path)
            let sink = JournalSink(destination: .native(socketPath: listener.path, fallbackDescriptor: -1))
            let logger = Logger(label: "cccdd.gateway") { JournalLogHandler(label: $0, identifier: "cccdd", sink: sink) }
            logger.notice("two\nlines", metadata: ["adapter": "bhxh-egw", "result-class": "transient"])
            let datagram = try #require(await listener.receive(within: .seconds(2)))
            let fields = try Self.parseNative(datagram)
            #expect(fields["MESSAGE"] == "two\nlines")
            #expect(fields["PRIORITY"] == "5")
            #expect(fields["SYSLOG_IDENTIFIER"] == "cccdd")
            #expect(fields["LOGGER"] == "cccdd.gateway")
            #expect(fields["KIOSK_ADAPTER"] == "bhxh-egw")
            #expect(fields["KIOSK_RESULT_CLASS"] == "transient")
            #expect(fields["CODE_LINE"].flatMap(Int.init) != nil)
        }
    }

    @Test("native logging falls back to prefixed stderr lines when journald's socket is gone")
    func nativeFallsBack() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let sink = JournalSink(destination: .native(socketPath: "/nonexistent/journal/socket", fallbackDescriptor: fds[1]))
        Logger(label: "cccdd") { JournalLogHandler(label: $0, identifier: "cccdd", sink: sink) }.error("still visible")
        close(fds[1])
        let text = String(decoding: FileHandle(fileDescriptor: fds[0]).readDataToEndOfFile(), as: UTF8.self)
        #expect(text == "<3>cccdd: still visible\n")
    }

    @Test("$JOURNAL_STREAM selects the native protocol only when it names our stderr")
    func detection() {
        if case .prefixedLines = JournalSink.detect(environment: [:]).destination {} else { Issue.record("expected stderr lines") }
        if case .prefixedLines = JournalSink.detect(environment: ["JOURNAL_STREAM": "1:2"]).destination {} else {
            Issue.record("a JOURNAL_STREAM naming another stream must not switch to the native protocol")
        }
        var status = stat()
        fstat(STDERR_FILENO, &status)
        let ours = "\(status.st_dev):\(status.st_ino)"
        if case .native = JournalSink.detect(environment: ["JOURNAL_STREAM": ours]).destination {} else {
            Issue.record("JOURNAL_STREAM naming stderr must select the native protocol")
        }
    }

    /// Decodes systemd's native journal datagram independently of the encoder.
    static func parseNative(_ bytes: [UInt8]) throws -> [String: String] {
        var fields: [String: String] = [:]
        var index = 0
        while index < bytes.count {
            guard let end = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\n") }) else { break }
            let name = String(decoding: bytes[index..<end], as: UTF8.self)
            if bytes[end] == UInt8(ascii: "=") {
                let valueEnd = try #require(bytes[end...].firstIndex(of: UInt8(ascii: "\n")))
                fields[name] = String(decoding: bytes[(end + 1)..<valueEnd], as: UTF8.self)
                index = valueEnd + 1
            } else {
                let lengthBytes = bytes[(end + 1)..<(end + 9)]
                let length = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
                fields[name] = String(decoding: bytes[(end + 9)..<(end + 9 + length)], as: UTF8.self)
                index = end + 9 + length + 1
            }
        }
        return fields
    }
}
