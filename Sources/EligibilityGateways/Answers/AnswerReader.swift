import CCCDIdentity
import Eligibility
import Foundation

/// Reads a gateway's JSON answer into a ``GatewayAnswer`` through a field mapping.
///
/// Deliberately lenient, field by field: numbers are accepted for strings, blanks and nulls are
/// absent, an unparseable date just leaves the range out. Only a body that is not a JSON object,
/// or has no result code, is unreadable — that is the transient "garbage" case of spec §3.
enum AnswerReader {
    static func read(_ body: Data, mapping: AnswerFieldMapping) -> GatewayAnswer? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        let field = { (path: String) in AnswerFieldMapping.string(at: path, in: object) }
        guard var code = field(mapping.resultCode) else { return nil }
        // A code sent as a JSON number loses its leading zeros (0 for "000").
        if code.count < 3, code.allSatisfy(\.isASCII), Int(code) != nil {
            code = String(repeating: "0", count: 3 - code.count) + code
        }
        let card = field(mapping.cardCode).map { cardCode in
            InsuranceCard(
                code: cardCode,
                validity: range(field(mapping.validFrom), field(mapping.validThrough)),
                registeredFacility: field(mapping.registeredFacility),
                area: field(mapping.area),
                fiveYearsContinuousFrom: field(mapping.fiveYearsContinuousFrom).flatMap { CivilDate(slashedDMY: $0) },
                socialInsuranceNumber: field(mapping.socialInsuranceNumber),
                previousCode: field(mapping.previousCardCode),
                newCard: field(mapping.newCardCode).map {
                    ReplacementCard(code: $0, validity: range(field(mapping.newValidFrom), field(mapping.newValidThrough)),
                                    registeredFacility: field(mapping.newRegisteredFacility))
                })
        }
        return GatewayAnswer(resultCode: code, note: field(mapping.note), card: card)
    }

    static func range(_ from: String?, _ through: String?) -> ValidityRange? {
        guard let from = from.flatMap({ CivilDate(slashedDMY: $0) }),
              let through = through.flatMap({ CivilDate(slashedDMY: $0) })
        else { return nil }
        return ValidityRange(from: from, through: through)
    }
}
