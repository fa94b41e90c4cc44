/// The bytes a record's hash covers: a version byte, then every stored column in ``columns``
/// order, each as it is stored — integers as 8-byte big-endian two's complement after a tag `I`,
/// strings as a tag `S`, a 4-byte big-endian length and their UTF-8 bytes. No floats and no
/// dates-as-doubles, so an auditor's script recomputes the same bytes from `sqlite3` output.
///
/// The sequence number is covered too: moving a record to another position breaks the chain.
enum CanonicalEncoding {
    static let version: UInt8 = 1

    enum Column: Sendable {
        case integer(String, @Sendable (LedgerRecord) -> Int64)
        case text(String, @Sendable (LedgerRecord) -> String)

        var name: String {
            switch self {
            case .integer(let name, _), .text(let name, _): name
            }
        }
    }

    /// The hashed columns, in hashing order (the `hash` column itself excluded).
    static let columns: [Column] = [
        .integer("sequence", { $0.sequence }),
        .integer("instant_ms", { $0.instantMilliseconds }),
        .text("local_date", { $0.localDate }),
        .text("facility", { $0.facility }),
        .text("kiosk", { $0.kiosk }),
        .text("source", { $0.source }),
        .text("chip_verdict", { $0.chipVerdict }),
        .text("failed_checks", { $0.failedChecks }),
        .text("gateway_adapter", { $0.gatewayAdapter }),
        .text("result_class", { $0.resultClass }),
        .text("result_code", { $0.resultCode }),
        .integer("gateway_calls", { $0.gatewayCalls }),
        .integer("latency_ms", { $0.latencyMilliseconds }),
        .text("subject", { $0.subject }),
        .integer("recheck_of", { $0.recheckOf }),
    ]

    static func encode(_ record: LedgerRecord) -> [UInt8] {
        var writer = Writer()
        for column in columns {
            switch column {
            case .integer(_, let value): writer.integer(value(record))
            case .text(_, let value):
                let text = value(record)
                writer.text(count: text.utf8.count, text.utf8)
            }
        }
        return writer.bytes
    }

    /// Appends tagged values; reused across records by the verifier to avoid allocations.
    struct Writer {
        var bytes: [UInt8] = [CanonicalEncoding.version]

        init() { bytes.reserveCapacity(320) }

        mutating func reset() {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(CanonicalEncoding.version)
        }

        mutating func integer(_ value: Int64) {
            bytes.append(UInt8(ascii: "I"))
            withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func text<C: Collection<UInt8>>(count: Int, _ utf8: C) {
            bytes.append(UInt8(ascii: "S"))
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
    }
}
