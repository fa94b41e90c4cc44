import CCCDIdentity
import LDS

/// DG13, the CCCD's citizen data: a Vietnamese-specific BER structure (nested or separate parent
/// layouts, UTF8String/PrintableString fields, dates) that only this project parses.
enum DG13Harness {
    static func run(_ data: [UInt8]) {
        guard let group = try? DataGroup13(encoded: data) else { return }
        let citizen = group.citizen
        // What we parsed, we can write again, and it reads back the same (both parent layouts).
        for layout in DataGroup13.ParentLayout.allCases {
            guard let encoded = try? DataGroup13.encode(citizen, parentLayout: layout) else { continue }
            guard let again = try? DataGroup13(encoded: encoded) else {
                return invariant(false, "DG13 encoded (\(layout)) from parsed data does not parse")
            }
            invariant(again.citizen == citizen, "DG13 citizen data changed through encoding (\(layout))")
        }
    }
}
