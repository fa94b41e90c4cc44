import CCCDIdentity
import LDS

/// DG1 and the MRZ inside it: the `61 { 5F1F … }` wrapper, TD1/TD2/TD3 layouts, check digits,
/// names, dates, and the CCCD's personal ID in the optional data.
enum MRZHarness {
    static func run(_ data: [UInt8]) {
        // The file as read from the chip…
        if let group = try? DataGroup1(encoded: data) {
            _ = try? group.personalID
            roundTrip(group.mrz)
        }
        // …and the bare zone, as OCR'd text or a wrapper-less file would carry it.
        if let zone = try? MachineReadableZone(parsing: String(decoding: data, as: UTF8.self)) {
            _ = zone.bacKeyMaterial
            _ = try? VietnameseMRZ.personalID(in: zone)
            roundTrip(zone)
        }
    }

    /// A zone that parsed encodes into a DG1 that parses back to the same zone.
    private static func roundTrip(_ zone: MachineReadableZone) {
        guard let file = try? DataGroup1.encode(zone) else {
            return invariant(false, "a parsed MRZ (\(zone.format)) cannot be encoded into DG1")
        }
        guard let again = try? DataGroup1(encoded: file) else {
            return invariant(false, "DG1 encoded from a parsed MRZ does not parse")
        }
        invariant(again.mrz == zone, "the MRZ changed through DG1")
    }
}
