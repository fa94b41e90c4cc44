public import CCCDIdentity

/// What to do after one gateway answer.
public enum AnswerVerdict: Sendable, Hashable {
    case settled(Settlement)
    /// Code 003: ask once more with this new card.
    case requery(BHYTCardCode)
    /// Code 401: log in again and retry once.
    case reauthenticate
}

/// A judged answer: the class, which card it rests on and what to tell the desk.
public struct Settlement: Sendable, Hashable {
    public var outcome: EligibilityClass
    public var cardUsed: CardUsed
    public var explanation: LocalizedText
    public var problem: GatewayProblem?
}

/// Turns gateway answers into verdicts with the result-code table, judging replacement cards on the
/// visit date. Shared by every adapter that speaks BHXH result codes (egw directly, or via a HIS).
public struct AnswerJudge: Sendable {
    public var table: ResultCodeTable

    public init(table: ResultCodeTable = .bhxh2024) {
        self.table = table
    }

    /// - Parameter isRequery: the answer is for the new card named by an earlier 003.
    public func judge(_ answer: GatewayAnswer, visitDate: CivilDate, isRequery: Bool) -> AnswerVerdict {
        let rule = table.rule(for: answer.resultCode)
        switch rule.disposition {
        case .reauthenticate:
            return .reauthenticate
        case .classify(let outcome):
            if outcome.isEligible, answer.card == nil {
                // "Eligible" without naming the card: a broken proxy or a gateway bug, never something
                // to admit a patient on.
                return .settled(Settlement(outcome: .manualReview, cardUsed: isRequery ? .newCard : .queried,
                                           explanation: Self.eligibleWithoutCard))
            }
            guard isRequery else { return .settled(Settlement(outcome: outcome, cardUsed: .queried, explanation: rule.meaning)) }
            return .settled(judgeNewCard(outcome: outcome, validity: answer.card?.validity, visitDate: visitDate, meaning: rule.meaning))
        case .requeryWithNewCard:
            if isRequery {
                return .settled(Settlement(outcome: .manualReview, cardUsed: .newCard, explanation: rule.meaning,
                                           problem: GatewayProblem(.requeryLoop)))
            }
            guard let code = answer.card?.newCard.flatMap({ BHYTCardCode($0.code) }) else {
                return .settled(Settlement(outcome: .manualReview, cardUsed: .queried, explanation: Self.newCardMissing))
            }
            return .requery(code)
        case .judgeOnVisitDate:
            return .settled(judgeBothRanges(answer.card, visitDate: visitDate, meaning: rule.meaning))
        }
    }

    /// After a 003 re-query, an "eligible" answer still has to cover the visit date on the new card.
    private func judgeNewCard(outcome: EligibilityClass, validity: ValidityRange?, visitDate: CivilDate,
                              meaning: LocalizedText) -> Settlement {
        if outcome.isEligible, let validity, !validity.covers(visitDate) {
            return Settlement(outcome: .notEligible, cardUsed: .newCard, explanation: Self.visitNotCovered)
        }
        return Settlement(outcome: outcome, cardUsed: .newCard, explanation: meaning)
    }

    /// Code 004: the old card if it covers the visit date, else the new one; neither → not eligible.
    private func judgeBothRanges(_ card: InsuranceCard?, visitDate: CivilDate, meaning: LocalizedText) -> Settlement {
        let old = card?.validity
        let new = card?.newCard?.validity
        if old?.covers(visitDate) == true {
            return Settlement(outcome: .eligible, cardUsed: .previousCard, explanation: meaning)
        }
        if new?.covers(visitDate) == true {
            return Settlement(outcome: .eligible, cardUsed: .newCard, explanation: meaning)
        }
        if old == nil && new == nil {
            return Settlement(outcome: .manualReview, cardUsed: .queried, explanation: Self.validityMissing)
        }
        return Settlement(outcome: .notEligible, cardUsed: .queried, explanation: Self.visitNotCovered)
    }

    static let visitNotCovered = LocalizedText(
        vi: "Thời hạn sử dụng của thẻ không bao gồm ngày khám", en: "No card validity range covers the visit date")
    static let validityMissing = LocalizedText(
        vi: "Cổng giám định không trả về thời hạn thẻ, cần kiểm tra thủ công",
        en: "The gateway returned no validity dates; check manually")
    static let eligibleWithoutCard = LocalizedText(
        vi: "Cổng giám định báo thẻ hợp lệ nhưng không trả về mã thẻ, cần kiểm tra thủ công",
        en: "The gateway answered eligible but named no card; check manually")
    static let newCardMissing = LocalizedText(
        vi: "Thẻ đã được cấp mới nhưng không có mã thẻ mới hợp lệ, cần kiểm tra thủ công",
        en: "A new card was issued but no valid new card code was returned; check manually")
}
