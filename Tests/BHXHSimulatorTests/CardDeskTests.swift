import Foundation
@testable import BHXHSimulator
import Testing

/// The simulator's own rules, without HTTP.
@Suite struct CardDeskTests {
    @Test(arguments: [
        ("001299000999", "050"), ("0190000999", "050"), ("GD4010190000999", "050"),
        ("GD4000190000123", "052"), ("GD9010190000123", "053"), ("GD60101900001", "051"),
        ("gd4010190000123", "051"), ("", "051"),
    ])
    func unknownCodesAreCheckedPositionByPosition(code: String, expected: String) {
        #expect(CardDesk.codeForUnknown(code) == expected)
    }

    @Test(arguments: [
        ("maKetQua", "MA_KET_QUA"), ("maDKBD", "MA_DKBD"), ("maDKBDMoi", "MA_DKBD_MOI"),
        ("ngayDu5Nam", "NGAY_DU5_NAM"), ("gtTheTuMoi", "GT_THE_TU_MOI"), ("KET_QUA", "KET_QUA"),
    ])
    func hisKeysAreScreamingSnakeCase(key: String, expected: String) {
        #expect(HISEndpoint.screamingSnake(key) == expected)
    }

    @Test func timestampsHaveSevenFractionalDigits() {
        let text = GatewayTimestamp.string(.init(timeIntervalSince1970: 1_510_545_080.1047187))
        #expect(text.hasPrefix("2017-11-13T03:51:20.10471"))
        #expect(text.count == "2017-11-13T03:51:20.1047187Z".count)
        #expect(text.hasSuffix("Z"))
    }

    @Test func passwordDigestsMatchInEitherCase() {
        // `printf mat-khau-gia | md5sum`
        #expect(PasswordDigest.matches("3661405d53995ad310e6dc45d0e0f7d3", password: "mat-khau-gia"))
        #expect(PasswordDigest.matches("3661405D53995AD310E6DC45D0E0F7D3", password: "mat-khau-gia"))
        #expect(!PasswordDigest.matches("mat-khau-gia", password: "mat-khau-gia"))
    }
}
