/// A USB vendor and product ID pair, printed the way `lsusb` prints it (`1eab:1a10`).
public struct USBID: Sendable, Hashable, Codable, CustomStringConvertible {
    public var vendor: UInt16
    public var product: UInt16

    public init(vendor: UInt16, product: UInt16) {
        self.vendor = vendor
        self.product = product
    }

    public var description: String { Self.hex(vendor) + ":" + Self.hex(product) }

    static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
