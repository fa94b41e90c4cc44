import CCCDIdentity
import AsyncHTTPClient
import BHXHSimulator
import Eligibility
import EligibilityGateways
import Foundation
import Logging

/// Invented people and the simulator world the client tests run against.
enum Fixture {
    static let username = "01001_BV"
    static let password = "thu-nghiem-mat-khau"
    /// `printf thu-nghiem-mat-khau | md5sum`, upper-cased: an oracle independent of the client.
    static let passwordMD5 = "D62E9B4CA71E120A47EC49F6D7894157"
    static let staffName = "Lê Thị Tiếp Đón"
    static let staffID = "001186000777"
    static let today = CivilDate(year: 2026, month: 11, day: 24)!

    static let mau = ScenarioCard(
        maThe: "GD4010190000123", cccd: "001190000123", maSoBHXH: "0190000123", hoTen: "Nguyễn Thị Mẫu",
        ngaySinh: "15/03/1990", gioiTinh: "Nữ", maDKBD: "01001", gtTheTu: "01/01/2026", gtTheDen: "31/12/2026",
        maKV: "K1", ngayDu5Nam: "01/01/2024", maKetQua: "000")

    static let thu = ScenarioCard(
        maThe: "HS4790205000456", cccd: "079205000456", maSoBHXH: "7905000456", hoTen: "Trần Văn Thử",
        ngaySinh: "20/11/2005", gioiTinh: "Nam", maDKBD: "79024", gtTheTu: "01/01/2026", gtTheDen: "30/11/2026",
        maKetQua: "004",
        newCard: .init(maThe: "SV4790205000456", gtTheTu: "01/12/2026", gtTheDen: "30/11/2027", maDKBD: "79024"))

    static let renewed = ScenarioCard(
        maThe: "HN2310190000321", cccd: "031190000321", maSoBHXH: "3190000321", hoTen: "Lê Thị Cấp Mới",
        ngaySinh: "09/09/1990", maDKBD: "31001", gtTheTu: "01/01/2025", gtTheDen: "31/10/2026", maKetQua: "003",
        newCard: .init(maThe: "HN2310190000654", gtTheTu: "01/11/2026", gtTheDen: "31/10/2027", maDKBD: "31001"))

    /// A card per scripted result code, holder CCCD `0011900001NN` where NN is a running number.
    static func scriptedCard(code: String, index: Int, fault: ScenarioCard.Fault? = nil) -> ScenarioCard {
        let serial = String(format: "%02d", index)
        return ScenarioCard(
            maThe: "DN40101900002\(serial)", cccd: "0011900002\(serial)", maSoBHXH: "01900002\(serial)",
            hoTen: "Người Thử Số \(serial)", ngaySinh: "01/01/1990", maDKBD: "01001", gtTheTu: "01/01/2026",
            gtTheDen: "31/12/2026", maKetQua: code, fault: fault)
    }

    static func scenario(cards: [ScenarioCard] = [mau, thu, renewed], configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var scenario = Scenario(
            accounts: [.init(username: username, password: password)],
            staff: [.init(name: staffName, cccd: staffID)], cards: cards)
        configure(&scenario)
        return scenario
    }

    static func configuration(_ simulator: BHXHSimulator, password: String = Fixture.password,
                              timeout: Duration = .seconds(10)) -> BHXHConfiguration {
        BHXHConfiguration(
            baseURL: simulator.baseURL, username: username, password: Secret(password), staffName: staffName,
            staffID: staffID, requestTimeout: timeout, loginTimeout: .seconds(10), retryDelay: .milliseconds(1))
    }

    static func query(_ card: ScenarioCard, bySubject subject: String? = nil, name: String? = nil,
                      visit: CivilDate = today) throws -> EligibilityQuery {
        let birth = CivilDate(slashedDMY: card.ngaySinh).map(BHYTBirthDate.date) ?? .yearOnly(1990)
        return try EligibilityQuery(subject: LookupSubject(parsing: subject ?? card.cccd ?? card.maThe),
                                    fullName: name ?? card.hoTen, birthDate: birth, visitDate: visit)
    }
}

/// Runs `body` with a started simulator and an HTTP client, and always stops and shuts both down.
func withGateway<T>(
    _ scenario: Scenario,
    body: (BHXHSimulator, HTTPClient) async throws -> T
) async throws -> T {
    let simulator = try await BHXHSimulator.start(scenario: scenario)
    let client = HTTPClient.eligibilityClient(connectTimeout: .seconds(2))
    do {
        let value = try await body(simulator, client)
        try await client.shutdown()
        await simulator.stop()
        return value
    } catch {
        try? await client.shutdown()
        await simulator.stop()
        throw error
    }
}

extension BHXHSimulator {
    var loginCount: Int { get async { await requests().filter(\.isLogin).count } }
    var cardCheckCount: Int { get async { await requests().filter(\.isCardCheck).count } }
}
