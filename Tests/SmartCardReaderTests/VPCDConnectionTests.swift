import Testing
import VirtualCard

/// The card side of the vpcd protocol against an independent fake vpcd on loopback.
@Suite("vpcd card side")
struct VPCDConnectionTests {
    @Test("Control codes and APDUs are answered per the vpcd protocol")
    func protocolExchange() async throws {
        let vpcd = try FakeVPCD()
        let card = TransparentFileCard(files: [0x0101: [1, 2, 3, 4]])
        let connection = VPCDConnection(engine: card, port: vpcd.port)
        connection.insert()
        defer { connection.remove() }
        await vpcd.accept()
        #expect(await vpcd.exchange([0x01], expectAnswer: false) == nil)  // power on: no answer
        #expect(await vpcd.exchange([0x04]) == TransparentFileCard.defaultATR)
        #expect(await vpcd.exchange([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x01]) == [0x90, 0x00])
        #expect(await vpcd.exchange([0x00, 0xB0, 0x00, 0x01, 0x02]) == [2, 3, 0x90, 0x00])
        #expect(await vpcd.exchange([0x00, 0xB0, 0x00, 0x01, 0x00, 0x00, 0x10]) == [2, 3, 4, 0x62, 0x82])
        #expect(await vpcd.exchange([0x02], expectAnswer: false) == nil)  // reset: no answer
        #expect(await vpcd.exchange([0x00, 0xB0, 0x00, 0x00, 0x02]) == [0x69, 0x86])  // reset forgot the selection
        #expect(await vpcd.exchange([0x09], expectAnswer: false) == nil)  // unknown control: ignored
        #expect(await vpcd.exchange([0x04]) == TransparentFileCard.defaultATR)
        #expect(card.commandCount == 4)
    }

    @Test("The card reconnects after vpcd hangs up, and remove() closes the socket")
    func reconnectAndRemove() async throws {
        let vpcd = try FakeVPCD()
        let connection = VPCDConnection(engine: TransparentFileCard(files: [:]), port: vpcd.port, retryInterval: .milliseconds(10))
        connection.insert()
        await vpcd.accept()
        #expect(await vpcd.exchange([0x04]) == TransparentFileCard.defaultATR)
        vpcd.hangUp()
        await vpcd.accept()
        #expect(await vpcd.exchange([0x04]) == TransparentFileCard.defaultATR)
        #expect(connection.connectionCount == 2)
        connection.remove()
        #expect(!connection.isConnected)
        #expect(await vpcd.peerClosed())
        connection.insert()
        await vpcd.accept()
        #expect(await vpcd.exchange([0x04]) == TransparentFileCard.defaultATR)
        connection.remove()
    }

    @Test("Messages decode by length: one byte is control, more is an APDU")
    func messageDecoding() {
        #expect(VPCDMessage(payload: [0]) == .powerOff)
        #expect(VPCDMessage(payload: [1]) == .powerOn)
        #expect(VPCDMessage(payload: [2]) == .reset)
        #expect(VPCDMessage(payload: [4]) == .getATR)
        #expect(VPCDMessage(payload: [7]) == .unknownControl(7))
        #expect(VPCDMessage(payload: [0, 0]) == .apdu([0, 0]))
    }
}
