import CCCDIdentity
import Eligibility
import Testing

@Suite struct AnswerJudgeTests {
    let judge = AnswerJudge()

    func day(_ d: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    func answer004(old: ValidityRange?, new: ValidityRange?) -> GatewayAnswer {
        GatewayAnswer(resultCode: "004", note: nil, card: InsuranceCard(
            code: "HS4790205000456", validity: old,
            newCard: ReplacementCard(code: "SV4790205000456", validity: new, registeredFacility: nil)))
    }

    var oldRange: ValidityRange { ValidityRange(from: day(1, 1, 2026), through: day(30, 11, 2026))! }
    var newRange: ValidityRange { ValidityRange(from: day(1, 12, 2026), through: day(30, 11, 2027))! }

    func settlement(_ verdict: AnswerVerdict) -> Settlement? {
        if case .settled(let settlement) = verdict { return settlement }
        return nil
    }

    @Test(arguments: ["000", "001", "002"])
    func eligibleNamingNoCardGoesToAPerson(code: String) {
        let bare = settlement(judge.judge(GatewayAnswer(resultCode: code, note: nil, card: nil), visitDate: day(30, 11, 2026), isRequery: false))
        #expect(bare?.outcome == .manualReview)
        let named = GatewayAnswer(resultCode: code, note: nil, card: InsuranceCard(code: "HS4790205000456", validity: oldRange))
        #expect(settlement(judge.judge(named, visitDate: day(30, 11, 2026), isRequery: false))?.outcome.isEligible == true)
    }

    @Test func code004UsesTheOldCardWhileItCoversTheVisit() {
        let s = settlement(judge.judge(answer004(old: oldRange, new: newRange), visitDate: day(30, 11, 2026), isRequery: false))
        #expect(s?.outcome == .eligible)
        #expect(s?.cardUsed == .previousCard)
    }

    @Test func code004UsesTheNewCardAfterTheOldOneEnds() {
        let s = settlement(judge.judge(answer004(old: oldRange, new: newRange), visitDate: day(1, 12, 2026), isRequery: false))
        #expect(s?.outcome == .eligible)
        #expect(s?.cardUsed == .newCard)
    }

    @Test func code004OutsideBothRangesIsNotEligible() {
        let s = settlement(judge.judge(answer004(old: oldRange, new: newRange), visitDate: day(1, 12, 2027), isRequery: false))
        #expect(s?.outcome == .notEligible)
    }

    @Test func code004WithoutValidityDatesGoesToAPerson() {
        let s = settlement(judge.judge(answer004(old: nil, new: nil), visitDate: day(1, 12, 2026), isRequery: false))
        #expect(s?.outcome == .manualReview)
    }

    @Test func code003AsksAgainWithTheNewCardOnlyOnce() {
        let answer = GatewayAnswer(resultCode: "003", note: nil, card: InsuranceCard(
            code: "HN2310190000321",
            newCard: ReplacementCard(code: "HN2310190000654", validity: newRange, registeredFacility: nil)))
        #expect(judge.judge(answer, visitDate: day(2, 12, 2026), isRequery: false) == .requery(BHYTCardCode("HN2310190000654")!))
        let again = settlement(judge.judge(answer, visitDate: day(2, 12, 2026), isRequery: true))
        #expect(again?.outcome == .manualReview)
        #expect(again?.problem?.kind == .requeryLoop)
    }

    @Test func code003WithoutAUsableNewCardGoesToAPerson() {
        let answer = GatewayAnswer(resultCode: "003", note: nil, card: InsuranceCard(
            code: "HN2310190000321", newCard: ReplacementCard(code: "garbage", validity: nil, registeredFacility: nil)))
        #expect(settlement(judge.judge(answer, visitDate: day(2, 12, 2026), isRequery: false))?.outcome == .manualReview)
    }

    @Test func aRequeriedNewCardMustCoverTheVisitDate() {
        let answer = GatewayAnswer(resultCode: "000", note: nil, card: InsuranceCard(code: "HN2310190000654", validity: newRange))
        #expect(settlement(judge.judge(answer, visitDate: day(2, 12, 2026), isRequery: true))?.outcome == .eligible)
        #expect(settlement(judge.judge(answer, visitDate: day(2, 12, 2028), isRequery: true))?.outcome == .notEligible)
        #expect(settlement(judge.judge(answer, visitDate: day(2, 12, 2026), isRequery: true))?.cardUsed == .newCard)
    }

    @Test func code401AsksForALogin() {
        #expect(judge.judge(GatewayAnswer(resultCode: "401", note: nil, card: nil), visitDate: day(1, 1, 2026), isRequery: false) == .reauthenticate)
    }
}
