public import CCCDIdentity
public import ICAOCrypto

/// The "MRZ information" BAC and PACE-MRZ derive keys from (Doc 9303-11 §9.7.2): document number,
/// date of birth and date of expiry, each followed by its check digit.
///
/// The fields, their validation and the check digits belong to the identity module
/// (``BACKeyMaterial``, ``MRZCheckDigit``); this type is only the assembled string the key
/// derivation hashes. It is personal data, so it never prints itself (``SecretBearing``).
public struct MRZInformation: Sendable, Hashable, SecretBearing {
    /// `L898902C<3` ‖ `6908061` ‖ `9406236`.
    public let value: String

    /// From validated key material (a Vietnamese card's QR gives one per expiry candidate).
    public init(_ material: BACKeyMaterial) {
        value = material.mrzInformation
    }

    /// Builds the string from its fields, for `--mrz DOC,YYMMDD,YYMMDD` and any document type
    /// (a TD3 passport number is fine). Lower-case letters are accepted and upper-cased.
    public init(documentNumber: String, dateOfBirth: String, dateOfExpiry: String) throws {
        // A one-character number isolates the date check, so each mistake gets its own error.
        guard BACKeyMaterial(documentNumber: "0", dateOfBirth: dateOfBirth, dateOfExpiry: dateOfExpiry) != nil else {
            throw BACError(.invalidDate)
        }
        guard let material = BACKeyMaterial(
            documentNumber: documentNumber.uppercased(), dateOfBirth: dateOfBirth, dateOfExpiry: dateOfExpiry
        ) else { throw BACError(.invalidDocumentNumber) }
        self.init(material)
    }

    /// An already assembled MRZ information string (as the standard's examples print it).
    public init(value: String) throws {
        guard value.utf8.count >= 24, MRZCheckDigit.compute(value) != nil else { throw BACError(.invalidDocumentNumber) }
        self.value = value
    }
}
