import CCCDIdentity
import Eligibility

/// The part of a lookup every BHXH-speaking adapter shares: ask about the subject, judge the
/// answer, and on 003 ask once more about the new card.
struct AnswerResolver: Sendable {
    let judge: AnswerJudge
    let source: String

    /// One question to the gateway about `maThe`, retries included, and how many calls it took.
    typealias Ask = (_ code: String, _ isRequery: Bool) async -> (Result<GatewayAnswer, GatewayProblem>, calls: Int)

    func resolve(_ query: EligibilityQuery, ask: Ask) async -> EligibilityResult {
        var code = query.subject.wireValue
        var isRequery = false
        var calls = 0
        while true {
            let (reply, made) = await ask(code, isRequery)
            calls += made
            let answer: GatewayAnswer
            switch reply {
            case .failure(let problem): return failed(problem, calls: calls)
            case .success(let received): answer = received
            }
            switch judge.judge(answer, visitDate: query.visitDate, isRequery: isRequery) {
            case .settled(let settlement):
                return EligibilityResult(
                    outcome: settlement.outcome, resultCode: answer.resultCode, note: answer.note,
                    explanation: settlement.explanation, card: answer.card, cardUsed: settlement.cardUsed,
                    source: source, gatewayCalls: calls, problem: settlement.problem)
            case .requery(let newCard):
                code = newCard.text
                isRequery = true
            case .reauthenticate:
                // The adapter already re-authenticated once; a second 401 means the account is refused.
                var result = failed(GatewayProblem(.loginRejected), calls: calls)
                result.resultCode = answer.resultCode
                return result
            }
        }
    }

    func failed(_ problem: GatewayProblem, calls: Int) -> EligibilityResult {
        let outcome: EligibilityClass = problem.needsConfiguration ? .configurationError : .transient
        return EligibilityResult(outcome: outcome, resultCode: nil, note: nil, explanation: problem.message,
                                 card: nil, source: source, gatewayCalls: calls, problem: problem)
    }

    /// Whether the table calls this answer transient, i.e. worth the single retry.
    func isTransient(_ answer: GatewayAnswer) -> Bool {
        judge.table.rule(for: answer.resultCode).disposition == .classify(.transient)
    }
}
