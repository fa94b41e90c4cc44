/// USB IDs seen on QR scanners sold for reception desks (linux-integration.md §1).
///
/// Vendor-wide entries name the maker; the generic MCU IDs match one product only, since the same
/// vendor ID is on countless unrelated gadgets. The product ID usually changes with the scanner's
/// mode (Newland: `xx03` keyboard, `xx06` CDC, `xx10` HID POS), but discovery decides the mode by
/// interface class, never by ID.
public enum KnownScannerVendors {
    public static func name(for id: USBID) -> String? {
        products[id] ?? vendors[id.vendor]
    }

    private static let vendors: [UInt16: String] = [
        0x1EAB: "Newland",
        0x05E0: "Zebra (Symbol)",
        0x0C2E: "Honeywell (Metrologic)",
        0x0536: "Honeywell (Hand Held Products)",
        0x05F9: "Datalogic",
        0x080C: "Datalogic",
        0x1A86: "generic scanner (QinHeng CH34x serial bridge)",
    ]

    private static let products: [USBID: String] = [
        USBID(vendor: 0x0416, product: 0xC141): "generic scanner (Winbond/Nuvoton MCU)",
        USBID(vendor: 0x0483, product: 0x5740): "generic scanner (STM32 virtual COM port)",
    ]
}
