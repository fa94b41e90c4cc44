import Testing
@testable import ScannerInput

@Suite("Serial framer (pure)")
struct SerialFramerTests {
    private let payload = Samples.cccd2021Bytes

    @Test("a CRLF split across two chunks still ends one frame")
    func crlfAcrossChunks() {
        var framer = SerialFramer(terminator: .carriageReturnLineFeed, maximumFrameLength: 4096)
        #expect(framer.append(payload + [0x0D]).isEmpty)
        #expect(framer.hasPendingBytes)
        #expect(framer.append([0x0A]) == [.frame(payload)])
        #expect(!framer.hasPendingBytes)
    }

    @Test("in CRLF mode a lone CR is data")
    func loneCarriageReturnIsData() {
        var framer = SerialFramer(terminator: .carriageReturnLineFeed, maximumFrameLength: 64)
        #expect(framer.append(Array("ab\rc\r\n".utf8)) == [.frame(Array("ab\rc".utf8))])
    }

    @Test("a CRLF scanner read with a CR configuration does not prefix the next scan with LF")
    func leadingLineFeedSkipped() {
        var framer = SerialFramer(terminator: .carriageReturn, maximumFrameLength: 4096)
        let outputs = framer.append(payload + [0x0D, 0x0A] + Samples.cccd2024Bytes + [0x0D, 0x0A])
        #expect(outputs == [.frame(payload), .frame(Samples.cccd2024Bytes)])
    }

    @Test("a frame of exactly the limit passes; one byte more is discarded whole")
    func limitIsExact() {
        var framer = SerialFramer(terminator: .lineFeed, maximumFrameLength: 8)
        #expect(framer.append(Array("12345678\n".utf8)) == [.frame(Array("12345678".utf8))])
        #expect(framer.append(Array("123456789\n".utf8)) == [.tooLong(byteCount: 9)])
        #expect(framer.append(Array("ok\n".utf8)) == [.frame(Array("ok".utf8))])
    }

    @Test("discarding keeps memory bounded and counts every dropped byte")
    func hostileLineIsCounted() {
        var framer = SerialFramer(terminator: .none, maximumFrameLength: 16)
        for _ in 0..<1000 { #expect(framer.append([UInt8](repeating: 0x41, count: 100)).isEmpty) }
        #expect(framer.flush() == .tooLong(byteCount: 100_000))
        #expect(framer.flush() == nil)
    }

    @Test("flush trims trailing line breaks and drops empty frames")
    func flushTrims() {
        var framer = SerialFramer(terminator: .carriageReturnLineFeed, maximumFrameLength: 64)
        _ = framer.append(Array("abc\r".utf8))
        #expect(framer.flush() == .frame(Array("abc".utf8)))
        _ = framer.append([0x0D, 0x0A, 0x0A])
        #expect(framer.flush() == nil)
    }

    @Test("every chunking of a stream gives the same frames", arguments: [1, 2, 3, 7, 64, 1000])
    func chunkingDoesNotMatter(chunkSize: Int) {
        let stream = payload + [0x0D, 0x0A] + Samples.cccd2024Bytes + [0x0D, 0x0A]
        var framer = SerialFramer(terminator: .carriageReturnLineFeed, maximumFrameLength: 4096)
        var outputs: [FrameOutput] = []
        var index = 0
        while index < stream.count {
            outputs += framer.append(stream[index..<min(index + chunkSize, stream.count)])
            index += chunkSize
        }
        #expect(outputs == [.frame(payload), .frame(Samples.cccd2024Bytes)])
    }
}
