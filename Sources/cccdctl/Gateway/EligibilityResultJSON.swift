import CCCDIdentity
import Eligibility
import EligibilityGateways
import Foundation

/// The JSON shape of one eligibility answer (`cccdctl lookup --json`): English camelCase keys,
/// ISO dates, `null` for missing values. Never contains credentials; `note` is the gateway's own
/// summary and may quote card data, which is the operator's own query.
struct EligibilityResultJSON: Encodable {
    let outcome: String
    let resultCode: Nullable<String>
    let note: Nullable<String>
    let explanation: LocalizedText
    let card: Nullable<CardJSON>
    let cardUsed: String
    let source: String
    let gatewayCalls: Int
    let latencyMilliseconds: Double
    let servedFromCache: Bool
    let problem: Nullable<ProblemJSON>
    let fallbackReason: Nullable<ProblemJSON>
    /// The ledger record of this lookup (`--ledger`); the key is absent when not recorded.
    var ledgerSequence: Int64?

    init(_ result: EligibilityResult) {
        outcome = result.outcome.rawValue
        resultCode = Nullable(result.resultCode)
        note = Nullable(result.note)
        explanation = result.explanation
        card = Nullable(result.card.map(CardJSON.init))
        cardUsed = result.cardUsed.rawValue
        source = result.source
        gatewayCalls = result.gatewayCalls
        let latency = result.latency.components
        latencyMilliseconds = Double(latency.seconds) * 1000 + Double(latency.attoseconds) / 1e15
        servedFromCache = result.servedFromCache
        problem = Nullable(result.problem.map(ProblemJSON.init))
        fallbackReason = Nullable(result.fallbackReason.map(ProblemJSON.init))
    }

    func rendered() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

struct CardJSON: Encodable {
    let code: String
    let validFrom: Nullable<String>
    let validThrough: Nullable<String>
    let registeredFacility: Nullable<String>
    let area: Nullable<String>
    let fiveYearsContinuousFrom: Nullable<String>
    let socialInsuranceNumber: Nullable<String>
    let previousCode: Nullable<String>
    let newCard: Nullable<NewCardJSON>

    init(_ card: InsuranceCard) {
        code = card.code
        validFrom = Nullable(card.validity?.from.iso8601)
        validThrough = Nullable(card.validity?.through.iso8601)
        registeredFacility = Nullable(card.registeredFacility)
        area = Nullable(card.area)
        fiveYearsContinuousFrom = Nullable(card.fiveYearsContinuousFrom?.iso8601)
        socialInsuranceNumber = Nullable(card.socialInsuranceNumber)
        previousCode = Nullable(card.previousCode)
        newCard = Nullable(card.newCard.map(NewCardJSON.init))
    }
}

struct NewCardJSON: Encodable {
    let code: String
    let validFrom: Nullable<String>
    let validThrough: Nullable<String>
    let registeredFacility: Nullable<String>

    init(_ card: ReplacementCard) {
        code = card.code
        validFrom = Nullable(card.validity?.from.iso8601)
        validThrough = Nullable(card.validity?.through.iso8601)
        registeredFacility = Nullable(card.registeredFacility)
    }
}

struct ProblemJSON: Encodable {
    let code: String
    let message: LocalizedText
    let httpStatus: Nullable<Int>

    init(_ problem: GatewayProblem) {
        code = problem.code
        message = problem.message
        httpStatus = Nullable(problem.httpStatus)
    }
}
