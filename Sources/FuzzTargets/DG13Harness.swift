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
            invariant(unordered(again.citizen) == unordered(citizen),
                      "DG13 citizen data changed through encoding (\(layout)): \(changedFields(unordered(citizen), unordered(again.citizen)))")
        }
    }

    /// Unknown fields compared as a set: the encoder writes fields in number order, as cards
    /// store them, and the reader lists them in an order of its own, so only their order may
    /// change — none may be lost, added or altered.
    static func unordered(_ citizen: VietnameseCitizenData) -> VietnameseCitizenData {
        var sorted = citizen
        sorted.unknownFields = citizen.unknownFields.sorted {
            $0.number != $1.number ? $0.number < $1.number : $0.encoded.lexicographicallyPrecedes($1.encoded)
        }
        return sorted
    }

    /// The names of the properties that differ — never their values, which are personal data.
    static func changedFields(_ before: VietnameseCitizenData, _ after: VietnameseCitizenData) -> [String] {
        zip(Mirror(reflecting: before).children, Mirror(reflecting: after).children).compactMap { old, new in
            String(describing: old.value) == String(describing: new.value) ? nil : old.label
        }
    }
}
