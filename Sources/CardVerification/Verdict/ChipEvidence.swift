import CCCDIdentity
import LDS

/// The chip's data as the cross-checks need it: DG1's zone and DG13's citizen data, parsed once,
/// with a personal-data-free note when a file is absent or does not parse.
struct ChipEvidence {
    let mrz: MachineReadableZone?
    /// Why ``mrz`` is nil: "DG1 not read", "DG1 does not parse (code)".
    let mrzMissing: String
    let citizen: VietnameseCitizenData?
    let citizenMissing: String
    /// The data groups the chip holds as far as anyone can tell: those the SOD lists (signed)
    /// and those read.
    let dataGroupsOffered: Set<DataGroup>
    let dg14: DataGroup14?

    init(files: LDSFileSet) {
        (mrz, mrzMissing) = Self.parse(files, .dg1) { try DataGroup1(encoded: $0).mrz }
        (citizen, citizenMissing) = Self.parse(files, .dg13) { try DataGroup13(encoded: $0).citizen }
        dg14 = Self.parse(files, .dg14) { try DataGroup14(encoded: $0) }.0
        let listed = (try? files.sod()).map { Set($0.securityObject.dataGroups) } ?? []
        dataGroupsOffered = listed.union(files.dataGroups)
    }

    /// The 12-digit ID in DG1's optional data (nil for a non-Vietnamese or broken zone).
    var mrzPersonalID: PersonalID? {
        mrz.flatMap { try? VietnameseMRZ.personalID(in: $0) }
    }

    /// The chip's ID number: DG13's, else DG1's.
    var personalID: PersonalID? { citizen?.idNumber ?? mrzPersonalID }

    private static func parse<T>(_ files: LDSFileSet, _ group: DataGroup, _ decode: ([UInt8]) throws -> T) -> (T?, String) {
        guard let bytes = files[.dataGroup(group)] else { return (nil, "\(group) not read") }
        do {
            return (try decode(bytes), "")
        } catch let error as any UserFacingError {
            return (nil, "\(group) does not parse (\(error.code))")
        } catch {
            return (nil, "\(group) does not parse")
        }
    }
}
