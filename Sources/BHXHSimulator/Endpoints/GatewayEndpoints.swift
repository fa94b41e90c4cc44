import Foundation
import Hummingbird

/// The two gateway endpoints, recording every request before answering it.
struct GatewayEndpoints: Sendable {
    let state: SimulatorState
    let desk: CardDesk
    let lifecycle: SimulatorLifecycle

    func register(on router: Router<SimulatorContext>) {
        router.post(RouterPath(SimulatorPaths.token)) { request, context in
            try await token(request, context)
        }
        router.post(RouterPath(SimulatorPaths.cardCheck)) { request, context in
            try await cardCheck(request, context)
        }
    }

    /// `POST /api/token/take`, form or JSON body with `username` and `password` (MD5 hex).
    func token(_ request: Request, _ context: SimulatorContext) async throws -> Response {
        let (body, query) = try await recordRequest(request, context)
        if await state.isInOutage { return Responses.html(status: .badGateway) }
        guard isRegistered(context) else { return Responses.html(status: .forbidden) }
        let fields = Self.loginFields(body: body, contentType: request.headers[.contentType])
        guard let username = fields["username"] ?? query["username"],
              let digest = fields["password"] ?? query["password"],
              let issued = await state.login(username: username, digest: digest, address: context.peerAddress)
        else { return Responses.json(TokenAnswer(maKetQua: "401", APIKey: nil)) }
        let key = TokenAnswer.APIKey(
            access_token: issued.accessToken, id_token: issued.idToken, token_type: "Bearer",
            username: issued.username, expires_in: GatewayTimestamp.string(issued.expiresAt))
        return Responses.json(TokenAnswer(maKetQua: "200", APIKey: key))
    }

    /// `POST /api/egw/KQNhanLichSuKCB2024?token=…&id_token=…&username=…&password=…`.
    func cardCheck(_ request: Request, _ context: SimulatorContext) async throws -> Response {
        let (body, query) = try await recordRequest(request, context)
        let scenario = state.scenario
        if await state.isInOutage { return Responses.html(status: .badGateway) }
        guard isRegistered(context) else { return Responses.html(status: .forbidden) }
        guard case .granted(let username) = await state.authorize(query: query, address: context.peerAddress) else {
            return Responses.authFailure(scenario.authFailureStyle ?? .body)
        }
        guard await state.admitCheck(for: username) else { return Responses.html(status: .tooManyRequests) }
        let faults = await state.faults
        await lifecycle.pause(for: .milliseconds(faults.extraLatencyMilliseconds))
        if let status = faults.htmlErrorStatus { return Responses.html(status: .init(code: status)) }
        guard let parsed = try? JSONDecoder().decode(CardCheckRequest.self, from: Data(body.utf8)) else {
            return Responses.json(CardCheckAnswer(maKetQua: "205", ghiChu: "Lỗi sai định dạng tham số", card: nil))
        }
        return await DeskResponder(scenario: scenario, lifecycle: lifecycle).respond(to: parsed, desk: desk) { answer in
            Responses.json(answer)
        }
    }

    private func isRegistered(_ context: SimulatorContext) -> Bool {
        guard let registered = state.scenario.registeredAddresses else { return true }
        return context.peerAddress.map(registered.contains) ?? false
    }

    private func recordRequest(_ request: Request, _ context: SimulatorContext) async throws -> (String, [String: String]) {
        try await RequestRecorder(state: state).record(request, context)
    }

    /// Login fields from a JSON object or an `application/x-www-form-urlencoded` body.
    static func loginFields(body: String, contentType: String?) -> [String: String] {
        if contentType?.lowercased().contains("json") == true {
            let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
            return object.compactMapValues { $0 as? String }
        }
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first else { continue }
            let raw = parts.count > 1 ? String(parts[1]) : ""
            fields[String(name)] = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw
        }
        return fields
    }
}
