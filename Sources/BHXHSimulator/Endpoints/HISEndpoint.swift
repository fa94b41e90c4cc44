import Crypto
import Foundation
import Hummingbird

/// `GET /bhyt?SO_GTTT=…&LOAI_GTTT=CCCD|BHYT&NGAY_SINH=dd/MM/yyyy[&HO_TEN=…]`: a facility HIS that
/// asks the gateway on the caller's behalf (as its first registered staff member) and answers
/// `{"KET_QUA": {"MA_KET_QUA": …, "MA_THE": …}}` — BHXH's fields renamed the way HIS databases
/// name columns, so clients must use a field mapping.
///
/// With `hisProxy.merchants` set, requests must be signed: `x-sign` is the lowercase hex
/// HMAC-SHA256, keyed with the merchant's secret, of
/// `<merchant id>\n<x-timestamp>\nGET\n<path>\n<raw query string>`, and the timestamp must be
/// within five minutes of the simulator's clock.
struct HISEndpoint: Sendable {
    let state: SimulatorState
    let desk: CardDesk
    let lifecycle: SimulatorLifecycle

    func register(on router: Router<SimulatorContext>) {
        router.get(RouterPath(SimulatorPaths.his)) { request, context in
            try await answer(request, context)
        }
    }

    func answer(_ request: Request, _ context: SimulatorContext) async throws -> Response {
        let (_, query) = try await RequestRecorder(state: state).record(request, context)
        let scenario = state.scenario
        guard let settings = scenario.hisProxy else { return Response(status: .notFound) }
        if await state.isInOutage { return Responses.html(status: .badGateway) }
        if let merchants = settings.merchants, !(await isSigned(request, merchants: merchants)) {
            return Responses.json(["error": "invalid signature"], status: .unauthorized)
        }
        let staff = scenario.staff.first
        let card = desk.find(query["SO_GTTT"] ?? "")
        let check = CardCheckRequest(
            maThe: query["SO_GTTT"], hoTen: query["HO_TEN"] ?? card?.hoTen ?? "?", ngaySinh: query["NGAY_SINH"],
            hoTenCb: staff?.name, cccdCb: staff?.cccd)
        return await DeskResponder(scenario: scenario, lifecycle: lifecycle).respond(to: check, desk: desk) { answer in
            Self.render(answer)
        }
    }

    private func isSigned(_ request: Request, merchants: [Scenario.HISProxy.Merchant]) async -> Bool {
        let headers = Dictionary(request.headers.map { ($0.name.canonicalName, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let merchantID = headers["x-merchant-id"],
              let merchant = merchants.first(where: { $0.merchantID == merchantID }),
              let stamp = headers["x-timestamp"], let seconds = Double(stamp),
              let signature = headers["x-sign"]
        else { return false }
        guard abs(await state.now.timeIntervalSince1970 - seconds) <= 300 else { return false }
        let message = [merchantID, stamp, "GET", request.uri.path, request.uri.query ?? ""].joined(separator: "\n")
        let expected = HMAC<SHA256>.authenticationCode(
            for: Array(message.utf8), using: SymmetricKey(data: Array(merchant.secret.utf8)))
        return Array(expected).map { String(format: "%02x", $0) }.joined() == signature
    }

    /// BHXH's answer with every key in SCREAMING_SNAKE_CASE, inside a `KET_QUA` object.
    static func render(_ answer: CardCheckAnswer) -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in
            HISKey(stringValue: screamingSnake(path.last?.stringValue ?? ""))
        }
        let data = (try? encoder.encode(["KET_QUA": answer])) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `maKetQua` → `MA_KET_QUA`, `maDKBDMoi` → `MA_DKBD_MOI`, `ngayDu5Nam` → `NGAY_DU5_NAM`.
    static func screamingSnake(_ key: String) -> String {
        guard !key.contains("_") else { return key }
        var words: [String] = []
        var current = ""
        let characters = Array(key)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            let startsWord = character.isUppercase
                && (previous?.isUppercase == false || (next?.isLowercase == true && previous?.isUppercase == true))
            if startsWord, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        words.append(current)
        return words.map { $0.uppercased() }.joined(separator: "_")
    }

    private struct HISKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
