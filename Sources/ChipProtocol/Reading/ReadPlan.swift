/// Which files a read fetches, and whether it runs Chip and Active Authentication on the way.
///
/// Files are read in the order EF.COM, EF.SOD, then the data groups by number, and only those
/// EF.COM lists: DG3/DG4 (biometrics behind Terminal Authentication) are never asked for by
/// default, and nothing a card does not have is tried.
public struct ReadPlan: Sendable, Hashable {
    /// Data-group numbers wanted (DG2, the face image, is the slowest by far).
    public var dataGroups: Set<Int>
    /// Run Chip Authentication with DG14's key once DG14 is read.
    public var chipAuthentication: Bool
    /// Run Active Authentication with DG15's key once DG15 is read.
    public var activeAuthentication: Bool

    public init(dataGroups: Set<Int> = [1, 2, 13, 14, 15], chipAuthentication: Bool = true, activeAuthentication: Bool = true) {
        self.dataGroups = dataGroups
        self.chipAuthentication = chipAuthentication
        self.activeAuthentication = activeAuthentication
    }

    /// DG1, DG2, DG13, DG14, DG15 with both clone checks.
    public static let standard = ReadPlan()
    /// The same without the face image, for a fast check-in.
    public static let withoutFaceImage = ReadPlan(dataGroups: [1, 13, 14, 15])

    /// The data groups to read given the tags EF.COM lists, in file order.
    func dataGroupFiles(listedTags: [UInt8]) -> [ChipFile] {
        let listed = Set(listedTags.compactMap { ChipFile(dataGroupTag: $0)?.dataGroupNumber })
        return dataGroups.intersection(listed).sorted().compactMap(ChipFile.dataGroup)
    }
}
