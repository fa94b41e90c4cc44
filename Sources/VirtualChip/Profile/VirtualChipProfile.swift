public import ICAOCrypto

/// A virtual card described in a JSON file: the person, the photo, the chip's keys, a pre-built
/// EF.SOD and the deviations to simulate. Paths are relative to the profile file's folder. It holds
/// personal data, so it never prints itself (``SecretBearing``).
///
/// ```json
/// {
///   "holder": {
///     "personalID": "001190000123", "fullName": "Nguyễn Thị Mẫu", "dateOfBirth": "1990-03-15",
///     "sex": "female", "placeOfOrigin": "Xã Mẫu, Huyện Thử, Hà Nội",
///     "placeOfResidence": "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội",
///     "issueDate": "2021-07-01", "expiry": "2030-03-15",
///     "father": "Nguyễn Văn Cha", "mother": "Trần Thị Mẹ", "oldIDNumber": "012345678"
///   },
///   "photo": "face.jpg",
///   "activeAuthenticationKey": "aa-rsa.pem",
///   "chipAuthenticationKey": "ca-brainpool.pem",
///   "securityObject": "EF.SOD.bin",
///   "options": { "noExtendedLength": true, "maxLe": 223 }
/// }
/// ```
public struct VirtualChipProfile: Sendable, Hashable, Codable, SecretBearing {
    public var holder: ChipHolder
    /// JPEG or JPEG 2000 face image for DG2; no DG2 when absent.
    public var photo: String?
    /// PEM private key (RSA or EC) for Active Authentication; no DG15 and no AA when absent.
    public var activeAuthenticationKey: String?
    /// PEM EC private key for Chip Authentication; no CA when absent (or `withoutCA`).
    public var chipAuthenticationKey: String?
    /// DER EF.SOD (tag 77) signed over this profile's data groups; 6A82 when absent.
    public var securityObject: String?
    public var options: ChipOptions

    public init(
        holder: ChipHolder, photo: String? = nil, activeAuthenticationKey: String? = nil,
        chipAuthenticationKey: String? = nil, securityObject: String? = nil, options: ChipOptions = ChipOptions()
    ) {
        self.holder = holder
        self.photo = photo
        self.activeAuthenticationKey = activeAuthenticationKey
        self.chipAuthenticationKey = chipAuthenticationKey
        self.securityObject = securityObject
        self.options = options
    }

    private enum CodingKeys: String, CodingKey {
        case holder, photo, activeAuthenticationKey, chipAuthenticationKey, securityObject, options
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        holder = try c.decode(ChipHolder.self, forKey: .holder)
        photo = try c.decodeIfPresent(String.self, forKey: .photo)
        activeAuthenticationKey = try c.decodeIfPresent(String.self, forKey: .activeAuthenticationKey)
        chipAuthenticationKey = try c.decodeIfPresent(String.self, forKey: .chipAuthenticationKey)
        securityObject = try c.decodeIfPresent(String.self, forKey: .securityObject)
        options = try c.decodeIfPresent(ChipOptions.self, forKey: .options) ?? ChipOptions()
    }
}
