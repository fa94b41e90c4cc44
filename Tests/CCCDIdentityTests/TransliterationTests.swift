import Testing
@testable import CCCDIdentity

@Suite("MRZ transliteration of Vietnamese names")
struct TransliterationTests {
    @Test("Diacritics stripped, Đ → D, uppercase", arguments: [
        ("Nguyễn Thị Mẫu", "NGUYEN THI MAU"),
        ("Trần Văn Thử", "TRAN VAN THU"),
        ("Đặng Đức Đạt", "DANG DUC DAT"),
        ("đỗ  ưng   ơn", "DO UNG ON"),
        ("Lê-Phạm Hoàng Yến", "LE PHAM HOANG YEN"),
        ("Ỷ Ỵ Ỹ Ý Ỳ ỷ", "Y Y Y Y Y Y"),
        ("O'Brien", "OBRIEN"),
        ("  ", ""),
    ])
    func words(name: String, key: String) {
        #expect(MRZTransliteration.comparisonKey(name) == key)
    }

    @Test("Decomposed input transliterates the same")
    func decomposed() {
        let name = "Nguyễn Thị Mẫu"
        #expect(MRZTransliteration.comparisonKey(name.decomposedStringWithCanonicalMapping) == "NGUYEN THI MAU")
    }

    @Test("Every Vietnamese letter becomes an ASCII letter")
    func allVietnameseLetters() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
        let key = MRZTransliteration.comparisonKey(letters + " " + letters.uppercased())
        #expect(key.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || $0 == " " })
        #expect(key.count == letters.count * 2 + 1)
    }

    @Test("MRZ name field: surname << given names, padded and truncated")
    func field() {
        let name = MRZName(vietnameseFullName: "Nguyễn Thị Mẫu")
        #expect(name.field(width: 30) == "NGUYEN<<THI<MAU<<<<<<<<<<<<<<<")
        #expect(name.comparisonKey == MRZTransliteration.comparisonKey("Nguyễn Thị Mẫu"))
        let long = MRZName(vietnameseFullName: "Tôn Nữ Hoàng Thị Phương Thảo Nguyên Khánh Linh")
        #expect(long.field(width: 30).count == 30)
        #expect(MRZName(field: "NGUYEN<<THI<MAU<<<<<<<").secondary == ["THI", "MAU"])
        #expect(MRZName(field: "NGUYEN<<<<<").secondary.isEmpty)
        #expect(MRZName(vietnameseFullName: "Mẫu").field(width: 10) == "MAU<<<<<<<")
    }
}

import Foundation
