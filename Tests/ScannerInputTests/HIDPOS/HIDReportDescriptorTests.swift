import Testing
@testable import ScannerInput

@Suite("HID report descriptor usage pages (pure)")
struct HIDReportDescriptorTests {
    /// Usage Page (Bar Code Scanner, 2-byte item), Usage (Bar Code Scanner), Collection
    /// (Application), Report ID 2, one input item, End Collection.
    static let pos: [UInt8] = [
        0x06, 0x8C, 0x00, 0x09, 0x02, 0xA1, 0x01, 0x85, 0x02, 0x15, 0x00, 0x26, 0xFF, 0x00,
        0x75, 0x08, 0x95, 0x3F, 0x09, 0xFE, 0x82, 0x02, 0x01, 0xC0,
    ]
    /// The boot keyboard descriptor from the HID specification, appendix B.1.
    static let keyboard: [UInt8] = [
        0x05, 0x01, 0x09, 0x06, 0xA1, 0x01, 0x05, 0x07, 0x19, 0xE0, 0x29, 0xE7, 0x15, 0x00,
        0x25, 0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02, 0x95, 0x01, 0x75, 0x08, 0x81, 0x01,
        0x95, 0x06, 0x75, 0x08, 0x15, 0x00, 0x25, 0x65, 0x05, 0x07, 0x19, 0x00, 0x29, 0x65,
        0x81, 0x00, 0xC0,
    ]

    @Test func barcodeScannerPage() throws {
        let descriptor = try HIDReportDescriptor(Self.pos)
        #expect(descriptor.applications == [.init(page: 0x8C, id: 0x02)])
        #expect(descriptor.isBarcodeScanner && !descriptor.isKeyboard)
    }

    @Test func bootKeyboard() throws {
        let descriptor = try HIDReportDescriptor(Self.keyboard)
        #expect(descriptor.applications == [.init(page: 0x01, id: 0x06)])
        #expect(descriptor.isKeyboard && !descriptor.isBarcodeScanner)
    }

    @Test("a composite descriptor lists every application; nested collections are not applications")
    func composite() throws {
        let vendorWithNested: [UInt8] = [0x06, 0x00, 0xFF, 0x09, 0x01, 0xA1, 0x01, 0x09, 0x02, 0xA1, 0x01, 0xC0, 0xC0]
        let descriptor = try HIDReportDescriptor(Self.keyboard + vendorWithNested + Self.pos)
        #expect(descriptor.applications.map(\.page) == [0x01, 0xFF00, 0x8C])
    }

    @Test("an extended (4-byte) usage carries its own page")
    func extendedUsage() throws {
        let descriptor = try HIDReportDescriptor([0x0B, 0x02, 0x00, 0x8C, 0x00, 0xA1, 0x01, 0xC0])
        #expect(descriptor.applications == [.init(page: 0x8C, id: 0x02)])
    }

    @Test("a descriptor cut inside an item is a typed error", arguments: [[UInt8]([0x06, 0x8C]), [0x05], [0xFE, 0x05]])
    func truncated(bytes: [UInt8]) {
        #expect(throws: ScannerError.descriptorTruncated) { try HIDReportDescriptor(bytes) }
    }
}
