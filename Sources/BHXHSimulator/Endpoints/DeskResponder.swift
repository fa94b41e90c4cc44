import Hummingbird

/// Turns a ``CardDesk`` decision into a response after the scripted latency, playing the card's
/// fault if it has one. Shared by the egw endpoint and the HIS endpoint, which differ only in how
/// an answer is rendered.
struct DeskResponder: Sendable {
    let scenario: Scenario
    let lifecycle: SimulatorLifecycle

    func respond(to request: CardCheckRequest, desk: CardDesk,
                 render: (CardCheckAnswer) -> Response) async -> Response {
        let (decision, card) = desk.decide(request)
        await lifecycle.pause(for: delay(for: card))
        switch decision {
        case .answer(let answer):
            return render(answer)
        case .fault(.timeout, _):
            // Hold the request until the client gives up or the simulator stops.
            await lifecycle.pause(for: .seconds(3600))
            return Responses.html(status: .gatewayTimeout)
        case .fault(.html502, _):
            return Responses.html(status: .badGateway)
        case .fault(.garbage, _):
            return Responses.garbage()
        case .fault(.http500, _):
            var response = render(CardCheckAnswer(maKetQua: "500", ghiChu: "Lỗi máy chủ", card: nil))
            response.status = .internalServerError
            return response
        case .fault(.slowBody, _):
            return Responses.trickle(lifecycle: lifecycle)
        case .fault(.http418, let card):
            var response = render(CardCheckAnswer(maKetQua: card.maKetQua ?? "000", ghiChu: card.ghiChu ?? "", card: card))
            response.status = .init(code: 418, reasonPhrase: "I'm a teapot")
            return response
        case .fault(.eligibleWithoutCard, _):
            return render(CardCheckAnswer(maKetQua: "000", ghiChu: "", card: nil))
        }
    }

    private func delay(for card: ScenarioCard?) -> Duration {
        let latency = scenario.latency
        let jitter = latency?.jitterMilliseconds ?? 0
        let total = (latency?.milliseconds ?? 0) + (jitter > 0 ? Int.random(in: 0...jitter) : 0)
            + (card?.latencyMilliseconds ?? 0)
        return .milliseconds(max(0, total))
    }
}
