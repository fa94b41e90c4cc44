public import ICAOCrypto

/// The files read from one chip, exactly as read, with their parsed forms on demand.
///
/// The reader fills it, `card read --out` writes it (``LDSFile/fileName``), and Passive
/// Authentication compares it with the SOD: keeping raw bytes here is what lets every later step
/// hash exactly what came off the chip.
public struct LDSFileSet: Sendable, Hashable {
    public var files: [LDSFile: [UInt8]]

    public init(_ files: [LDSFile: [UInt8]] = [:]) {
        self.files = files
    }

    public subscript(file: LDSFile) -> [UInt8]? {
        get { files[file] }
        set { files[file] = newValue }
    }

    /// The data groups present, in number order.
    public var dataGroups: [DataGroup] {
        files.keys.compactMap { file in
            if case .dataGroup(let group) = file { return group }
            return nil
        }.sorted()
    }

    /// EF.SOD parsed, nil when it was not read.
    public func sod() throws(LDSError) -> EFSOD? {
        try files[.sod].map { bytes throws(LDSError) in try EFSOD(encoded: bytes) }
    }

    /// Each data group read, compared with its SOD hash. Groups the SOD lists but that were not
    /// read (DG3 behind Terminal Authentication) do not appear; groups read but not listed are
    /// ``DataGroupHashCheck/notListed``.
    public func hashChecks(against sod: EFSOD, using crypto: any ICAOCryptography = OpenSSLCrypto()) throws(LDSError) -> [DataGroup: DataGroupHashCheck] {
        var checks: [DataGroup: DataGroupHashCheck] = [:]
        for group in dataGroups {
            if let bytes = files[.dataGroup(group)] {
                checks[group] = try sod.securityObject.check(group, file: bytes, using: crypto)
            }
        }
        return checks
    }
}
