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
            invariant(again.citizen == numberOrdered(citizen),
                      "DG13 citizen data changed through encoding (\(layout)): \(changedFields(numberOrdered(citizen), again.citizen))")
        }
    }

    /// The encoder writes fields in number order, as cards store them, so unknown fields a file
    /// held out of order come back sorted (ties keep their file order).
    static func numberOrdered(_ citizen: VietnameseCitizenData) -> VietnameseCitizenData {
        var sorted = citizen
        sorted.unknownFields = citizen.unknownFields.enumerated()
            .sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }.map(\.element)
        return sorted
    }

    /// The names of the properties that differ — never their values, which are personal data.
    static func changedFields(_ before: VietnameseCitizenData, _ after: VietnameseCitizenData) -> [String] {
        zip(Mirror(reflecting: before).children, Mirror(reflecting: after).children).compactMap { old, new in
            String(describing: old.value) == String(describing: new.value) ? nil : old.label
        }
    }
}
