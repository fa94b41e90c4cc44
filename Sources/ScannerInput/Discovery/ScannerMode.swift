public import CCCDIdentity

/// How an attached scanner delivers its bytes, decided from the USB interface class and the HID
/// report descriptor.
public enum ScannerMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// USB CDC-ACM (`ttyACM`) or a USB-serial bridge (`ttyUSB`): exact bytes.
    case serial
    /// HID usage page 0x8C (`hidraw`): exact bytes.
    case hidPOS = "hidpos"
    /// A HID keyboard (`input/event`): cannot carry Vietnamese letters.
    case keyboard

    /// What the admin should do about a scanner in this mode, if anything.
    public var advice: LocalizedText? {
        switch self {
        case .keyboard:
            LocalizedText(
                vi: "Máy quét đang ở chế độ bàn phím, không truyền được chữ tiếng Việt: quét mã cấu hình "
                    + "\"USB CDC (cổng COM ảo)\" hoặc \"HID POS\" trong sách hướng dẫn của hãng",
                en: "The scanner is in keyboard mode, which cannot carry Vietnamese letters: scan the "
                    + "vendor's \"USB CDC (virtual COM)\" or \"HID POS\" setup barcode")
        case .serial, .hidPOS:
            nil
        }
    }
}
