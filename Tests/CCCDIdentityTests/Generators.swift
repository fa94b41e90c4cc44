import PropertyBased
@testable import CCCDIdentity

/// Generators of valid invented identities with Vietnamese diacritics.
enum IdentityGen {
    static let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
                           "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    static let middleNames = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thu", "Quốc", "Thành", "Xuân"]
    static let givenNames = ["Mẫu", "Thử", "An", "Bình", "Châu", "Dũng", "Giang", "Hạnh", "Khoa", "Lộc", "Mỹ",
                             "Nhung", "Phúc", "Quyên", "Sơn", "Tâm", "Uyên", "Việt", "Yến", "Ưng"]
    static let streets = ["Số 1 phố Ví Dụ", "Số 12 đường Giả Định", "Thôn Mẫu", "Tổ 3, ấp Thử", "Bản Minh Họa"]
    static let wards = ["Phường Mẫu", "Xã Thử Nghiệm", "Phường Minh Họa", "Thị trấn Ví Dụ"]

    static let name = zip(
        Gen<String?>.element(of: surnames).map { $0! },
        Gen<String?>.element(of: middleNames).map { $0! },
        Gen<String?>.element(of: givenNames).map { $0! }
    ).map { "\($0) \($1) \($2)" }

    static let address = zip(
        Gen<String?>.element(of: streets).map { $0! },
        Gen<String?>.element(of: wards).map { $0! },
        Gen<String?>.element(of: ProvinceTable.codes.compactMap(ProvinceTable.name(forCode:))).map { $0! }
    ).map { "\($0), \($1), \($2)" }

    /// Birth registration codes: mostly known provinces, some abroad, some unknown.
    static let registrationCode = Gen.int(in: 0...999)

    static let date = zip(Gen.int(in: 1900...2099), Gen.int(in: 1...12), Gen.int(in: 1...31))
        .compactMap { CivilDate(year: $0, month: $1, day: $2) }

    /// A consistent identity: ID digits agree with the date of birth and sex, issued after birth.
    static let citizen = zip(
        registrationCode, date, Gen<Sex?>.element(of: Sex.allCases).map { $0! }, Gen.int(in: 0...999_999),
        Gen.int(in: 0...30_000), name, address, Gen.int(in: 0...2)
    ).compactMap { code, birth, sex, serial, issueOffset, name, address, oldIDKind -> CitizenQR? in
        let centuryDigit = (birth.year - 1900) / 100 * 2 + (sex == .female ? 1 : 0)
        let digits = Digits.padded(code, width: 3) + String(centuryDigit) + Digits.padded(birth.year % 100, width: 2)
            + Digits.padded(serial, width: 6)
        guard let id = PersonalID(digits), let issue = birth.adding(days: issueOffset) else { return nil }
        let oldID: String? = switch oldIDKind {
        case 0: nil
        case 1: Digits.padded(serial * 1000 % 1_000_000_000, width: 9)
        default: Digits.padded(code, width: 3) + "1" + Digits.padded(serial, width: 8)
        }
        return try? CitizenQR(personalID: id, oldIDNumber: oldID, fullName: name, dateOfBirth: birth, sex: sex,
                              address: address, issueDate: issue,
                              extraFields: issue >= CardLaw.identification2023EffectiveDate ? ["", "", "", ""] : [])
    }
}
