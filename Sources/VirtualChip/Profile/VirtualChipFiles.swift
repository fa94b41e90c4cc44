public import ICAOCrypto
import LDS
import SwiftASN1

/// The files a virtual card serves, built from its configuration with the LDS module's builders.
///
/// ``genuineDataGroups`` are the bytes a document signer hashes into EF.SOD; with
/// ``ChipOptions/tamperedDG13`` the chip serves a DG13 that differs from them, with
/// ``ChipOptions/substitutedDG15`` a DG15 holding the clone's own key.
///
/// The files are personal data: the value never prints itself (``SecretBearing``).
public struct VirtualChipFiles: Sendable, SecretBearing {
    /// EF.CardAccess, absent on a BAC-only chip.
    public let cardAccess: [UInt8]?
    public let efCOM: [UInt8]
    /// Data group number → file contents, as issued (before any tampering).
    public let genuineDataGroups: [Int: [UInt8]]
    /// Data group number → file contents the chip actually serves.
    public let servedDataGroups: [Int: [UInt8]]

    /// `substitutedActiveAuthenticationKey`: the key the served DG15 holds instead of the genuine one.
    init(configuration: VirtualChipConfiguration, substitutedActiveAuthenticationKey: SigningKey? = nil) throws {
        let options = configuration.options
        let holder = configuration.holder
        var groups: [DataGroup: [UInt8]] = [:]
        groups[.dg1] = try DataGroup1.encode(lines: holder.machineReadableZone)
        if let photo = configuration.photo {
            let size = PhotoDimensions.of(photo)
            groups[.dg2] = try DataGroup2.encode(image: photo, width: size.width, height: size.height)
        }
        // DG3 (fingerprints) is listed and present, but answers 6982 (Terminal Authentication).
        groups[.dg3] = [0x63, 0x00]
        if holder.documentMRZ == nil {
            groups[.dg13] = try DataGroup13.encode(holder.citizenData, parentLayout: options.parentsLayout.dataGroup13Layout)
        }

        let caKey = options.withoutCA ? nil : configuration.chipAuthenticationKey
        let aaKey = configuration.activeAuthenticationKey
        if let aaKey {
            groups[.dg15] = DataGroup15.encode(publicKey: try SubjectPublicKeyInfo(berEncoded: try aaKey.subjectPublicKeyInfo()))
        }
        if caKey != nil || aaKey.map(Self.isEllipticCurve) == true {
            let keys = try caKey.map { key in
                [ChipAuthenticationPublicKeyInfo(keyAgreement: .ellipticCurveDiffieHellman,
                                                 publicKey: try SubjectPublicKeyInfo(berEncoded: try key.subjectPublicKeyInfo()))]
            } ?? []
            // An EC AA key needs DG14 to name the hash: ecdsa-plain-SHA256 (BSI TR-03111).
            let activeAuthentication = aaKey.map(Self.isEllipticCurve) == true
                ? ActiveAuthenticationInfo(signatureAlgorithm: [0, 4, 0, 127, 0, 7, 1, 1, 4, 1, 3]) : nil
            groups[.dg14] = try DataGroup14.encode(chipAuthenticationKeys: keys, cipher: options.chipAuthenticationCipher.algorithm,
                                                   activeAuthentication: activeAuthentication)
        }
        genuineDataGroups = Dictionary(uniqueKeysWithValues: groups.map { ($0.key.number, $0.value) })

        var served = genuineDataGroups
        if options.tamperedDG13, holder.documentMRZ == nil {
            var altered = holder
            altered.placeOfResidence += " (sửa)"
            served[13] = try DataGroup13.encode(altered.citizenData, parentLayout: options.parentsLayout.dataGroup13Layout)
        }
        if let substitute = substitutedActiveAuthenticationKey {
            served[15] = DataGroup15.encode(publicKey: try SubjectPublicKeyInfo(berEncoded: try substitute.subjectPublicKeyInfo()))
        }
        servedDataGroups = served
        efCOM = try EFCOM.encode(dataGroups: groups.keys.sorted())
        cardAccess = options.bacOnly ? nil : try CardAccessEncoder.encode(options: options, chipAuthentication: caKey != nil)
    }

    /// The DER LDSSecurityObject over the genuine data groups: what a document signer signs into
    /// EF.SOD (`openssl cms -sign -nodetach -binary -econtent_type 2.23.136.1.1.1 …`, then wrap the
    /// ContentInfo in tag 77 with `EFSOD.encode(contentInfo:)`).
    public func securityObjectContent(hashAlgorithm: HashAlgorithm = .sha256) throws -> [UInt8] {
        var files: [DataGroup: [UInt8]] = [:]
        for (number, bytes) in genuineDataGroups {
            if let group = DataGroup(number: number) { files[group] = bytes }
        }
        return try LDSSecurityObject.hashing(files, with: hashAlgorithm).derEncoded()
    }

    private static func isEllipticCurve(_ key: SigningKey) -> Bool {
        if case .ellipticCurve = key.algorithm { true } else { false }
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
