import ICAOCrypto
import ChipProtocol

/// The files a virtual card serves, built from its configuration.
///
/// ``genuineDataGroups`` are the bytes a document signer hashes into EF.SOD; with
/// ``ChipOptions/tamperedDG13`` the chip serves a DG13 that differs from them.
public struct VirtualChipFiles: Sendable {
    /// EF.CardAccess, absent on a BAC-only chip.
    public let cardAccess: [UInt8]?
    public let efCOM: [UInt8]
    /// Data group number → file contents, as issued (before any tampering).
    public let genuineDataGroups: [Int: [UInt8]]
    /// Data group number → file contents the chip actually serves.
    public let servedDataGroups: [Int: [UInt8]]

    init(configuration: VirtualChipConfiguration) throws {
        let options = configuration.options
        let holder = configuration.holder
        var groups: [Int: [UInt8]] = [:]
        groups[1] = LDSFileEncoder.dg1(machineReadableZone: holder.machineReadableZone)
        if let photo = configuration.photo {
            groups[2] = LDSFileEncoder.dg2(image: photo, sex: holder.sex == .male ? 1 : 2)
        }
        groups[3] = LDSFileEncoder.dg3Placeholder()
        groups[13] = DG13Encoder.encode(holder, parentsLayout: options.parentsLayout)

        let paceInfo = try options.bacOnly ? nil : Self.paceInfo(options)
        let caKey = options.withoutCA ? nil : configuration.chipAuthenticationKey
        var dg14: [[UInt8]] = []
        if let caKey {
            dg14.append(SecurityInfosEncoder.chipAuthenticationInfo())
            dg14.append(SecurityInfosEncoder.chipAuthenticationPublicKeyInfo(subjectPublicKeyInfo: try caKey.subjectPublicKeyInfo()))
        }
        if let aaKey = configuration.activeAuthenticationKey {
            groups[15] = LDSFileEncoder.dg15(subjectPublicKeyInfo: try aaKey.subjectPublicKeyInfo())
            if case .ellipticCurve = aaKey.algorithm { dg14.append(SecurityInfosEncoder.activeAuthenticationInfoECDSASHA256()) }
        }
        if !dg14.isEmpty {
            dg14.append(SecurityInfosEncoder.terminalAuthenticationInfo())
            if let paceInfo { dg14.append(paceInfo) }
            groups[14] = LDSFileEncoder.dg14(securityInfos: dg14)
        }
        genuineDataGroups = groups

        var served = groups
        if options.tamperedDG13 {
            var altered = holder
            altered.placeOfResidence += " (sửa)"
            served[13] = DG13Encoder.encode(altered, parentsLayout: options.parentsLayout)
        }
        servedDataGroups = served
        efCOM = LDSFileEncoder.efCOM(dataGroupTags: groups.keys.sorted().compactMap(Self.tag(ofDataGroup:)))

        if let paceInfo {
            var entries = [SecurityInfosEncoder.terminalAuthenticationInfo()]
            if caKey != nil { entries.append(SecurityInfosEncoder.chipAuthenticationInfo()) }
            cardAccess = DER.set(entries + [paceInfo])
        } else {
            cardAccess = nil
        }
    }

    /// The PACEInfo entry the options describe, after checking the chip can run it.
    private static func paceInfo(_ options: ChipOptions) throws -> [UInt8] {
        guard let parameters = DomainParameters(standardizedID: options.paceParameterID) else {
            throw VirtualChipError(.unsupportedPACEParameters, diagnostic: "parameter id \(options.paceParameterID)")
        }
        let isCurve = if case .ellipticCurve = parameters { true } else { false }
        let oid = SecurityObjectIdentifier.pace(mapping: options.paceMapping, ellipticCurve: isCurve, cipher: options.paceCipher)
        return SecurityInfosEncoder.paceInfo(oid: oid, parameterID: options.paceParameterID)
    }

    /// The EF.COM tag list entry of a data group (Doc 9303-10 Table 34).
    static func tag(ofDataGroup number: Int) -> UInt8? {
        let tags: [Int: UInt8] = [1: 0x61, 2: 0x75, 3: 0x63, 4: 0x76, 5: 0x65, 6: 0x66, 7: 0x67, 8: 0x68, 9: 0x69,
                                  10: 0x6A, 11: 0x6B, 12: 0x6C, 13: 0x6D, 14: 0x6E, 15: 0x6F, 16: 0x70]
        return tags[number]
    }

    /// The file system these files make up, with EF.SOD if the configuration has one.
    func fileSystem(securityObject: [UInt8]?) -> ChipFileSystem {
        var application = [ElementaryFile.efCOM(efCOM)]
        if let securityObject { application.append(.efSOD(securityObject)) }
        application += servedDataGroups.keys.sorted().compactMap { number in
            servedDataGroups[number].map { ElementaryFile.dataGroup(number, contents: $0) }
        }
        return ChipFileSystem(masterFiles: cardAccess.map { [.cardAccess($0)] } ?? [], applicationFiles: application)
    }
}
