import CCCDTestSupport
import Foundation
import Testing

/// Runs the real `cccdctl` binary built by `swift build`.
@Suite("cccdctl qr parse")
struct QRParseCommandTests {
    static let mau2021 =
        "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"
    static let thu2024 =
        "079205000456||Trần Văn Thử|20112005|Nam|Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh|15082024||||"

    private func cccdctl(_ arguments: [String], stdin: Data? = nil) async throws -> ProcessOutcome {
        try await runProcess(BuiltProducts.executable("cccdctl"), ["qr", "parse"] + arguments, stdin: stdin)
    }

    private func json(_ outcome: ProcessOutcome) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: outcome.stdout)
        return try #require(object as? [String: Any])
    }

    @Test("A 2021 payload as argument prints the CCCD JSON")
    func argument() async throws {
        let outcome = try await cccdctl([Self.mau2021])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        let object = try json(outcome)
        #expect(object["kind"] as? String == "cccd")
        #expect(object["layout"] as? String == "cccd2021")
        #expect(object["idNumber"] as? String == "001190000123")
        #expect(object["oldIdNumber"] as? String == "012345678")
        #expect(object["fullName"] as? String == "Nguyễn Thị Mẫu")
        #expect(object["dateOfBirth"] as? String == "1990-03-15")
        #expect(object["sex"] as? String == "female")
        #expect(object["address"] as? String == "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội")
        #expect(object["issueDate"] as? String == "2021-07-01")
        #expect(object["expiryCandidates"] as? [String]
            == ["2030-03-15", "2030-03-16", "2030-03-14", "2050-03-15", "noExpiry"])
        let province = try #require(object["province"] as? [String: Any])
        #expect(province["code"] as? String == "001")
        #expect(province["name"] as? String == "Hà Nội")
        #expect(province["kind"] as? String == "province")
        let chip = try #require(object["chipAccess"] as? [String: Any])
        #expect(chip["can"] as? String == "000123")
        #expect(chip["bacDocumentNumber"] as? String == "190000123")
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
        #expect((object["extraFields"] as? [Any])?.isEmpty == true)
    }

    @Test("Keys are sorted and output is pretty-printed")
    func formatting() async throws {
        let text = try await cccdctl([Self.mau2021]).stdoutText
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys == keys.sorted())
        #expect(keys.count == 15)
    }

    @Test("Raw bytes on stdin: BOM, CRLF, 2024 layout, null old ID")
    func standardInput() async throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data((Self.thu2024 + "\r\n").utf8)
        for arguments in [["-"], []] {
            let outcome = try await cccdctl(arguments, stdin: bytes)
            #expect(outcome.status == 0)
            let object = try json(outcome)
            #expect(object["layout"] as? String == "canCuoc2024")
            #expect(object["oldIdNumber"] is NSNull)
            #expect(object["extraFields"] as? [String] == ["", "", "", ""])
            #expect(object["dateOfBirth"] as? String == "2005-11-20")
            let rule = try #require(object["expiryRule"] as? [String: Any])
            #expect(rule["law"] as? String == "law2023")
            #expect(rule["renewalAge"] as? Int == 25)
        }
    }

    @Test("Warnings and an unknown province appear in the JSON")
    func warnings() async throws {
        let payload = Self.mau2021.replacingOccurrences(of: "001190000123", with: "097190000123")
        let object = try json(try await cccdctl([payload]))
        let province = try #require(object["province"] as? [String: Any])
        #expect(province["kind"] as? String == "unknown")
        #expect(province["name"] is NSNull)
        let warnings = try #require(object["warnings"] as? [[String: String]])
        #expect(warnings.map { $0["code"] } == ["qr.warning.unknownProvince"])
        #expect(warnings.first?["message"]?.isEmpty == false)
    }

    @Test("A BHYT card QR prints the bhyt JSON")
    func bhyt() async throws {
        let name = "Trần Thị Thử".utf8.map { String(format: "%02x", $0) }.joined()
        let outcome = try await cccdctl(["DN4797915012345|\(name)|02/09/1985|2|-|79 - 024|01/01/2024|-|15/12/2023|$"])
        #expect(outcome.status == 0)
        let object = try json(outcome)
        #expect(object["kind"] as? String == "bhyt")
        #expect(object["cardCode"] as? String == "DN4797915012345")
        #expect(object["socialInsuranceNumber"] as? String == "7915012345")
        #expect(object["fullName"] as? String == "Trần Thị Thử")
        #expect(object["dateOfBirth"] as? String == "1985-09-02")
        #expect(object["sex"] as? String == "female")
        #expect(object["address"] is NSNull)
        #expect(object["validTo"] is NSNull)
        #expect(object["issueDate"] as? String == "2023-12-15")
        #expect(object["registeredFacilityCode"] as? String == "79024")
        #expect(object["beneficiaryGroup"] as? String == "DN")
        #expect(object["benefitLevel"] as? Int == 4)
    }

    @Test("Invalid input exits 65 with one line on stderr", arguments: [
        (["001190000123|012345678|Nguyễn Thị Mẫu|31022021|Nữ|Hà Nội|01072021"],
         "field 3 (date of birth) is not a valid date: 31022021 [qr.field.notADate]"),
        (["hello"], "[qr.format.unrecognised]"),
        (["001190000123\\012345678\\Nguyen Thi Mau\\15031990\\Nu\\Ha Noi\\01072021"],
         "switch the scanner to USB-COM/CDC or HID POS mode"),
        (["--lang", "vi", "001190000123|012345678|Nguyễn Thị Mẫu|31022021|Nữ|Hà Nội|01072021"],
         "trường 3 (ngày sinh) không phải ngày hợp lệ"),
    ])
    func invalid(arguments: [String], expected: String) async throws {
        let outcome = try await cccdctl(arguments)
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderrText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "exactly one newline-terminated line")
        #expect(outcome.stderrText.contains(expected))
    }

    @Test("Invalid UTF-8 on stdin exits 65 naming the byte")
    func invalidUTF8() async throws {
        let outcome = try await cccdctl(["-"], stdin: Data([0x30, 0x31, 0xFF, 0x7C]))
        #expect(outcome.status == 65)
        #expect(outcome.stderrText == "The QR payload is not valid UTF-8 text; set the scanner's character encoding to UTF-8: "
            + "byte 0xFF at offset 2 [qr.encoding.invalidUTF8]\n")
    }

    @Test("Empty stdin exits 65")
    func emptyInput() async throws {
        let outcome = try await cccdctl([], stdin: Data())
        #expect(outcome.status == 65)
        #expect(outcome.stderrText.contains("[qr.empty]"))
    }
}
