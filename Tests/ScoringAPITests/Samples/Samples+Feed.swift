import Models
import ScoringAPI

// Fully populated values: every field set to a value other than its default, every optional present.

extension ScoreChanged {
    static let sample = ScoreChanged(previous: SampleBook.previousValue, current: SampleBook.value,
        trigger: .ruleSetActivated)
}

extension TierChanged {
    static let sample = TierChanged(customerCode: SampleBook.customerCode, fromTier: .standard, toTier: .gold,
        fromLayer: .base, toLayer: .middle, potential: true, previousValueScore: 77, valueScore: 81.75,
        trigger: .codeChange, reason: "gold-by-premium now holds: annualised premium 12 600 ≥ 10 000",
        ruleSet: .sample)
}

extension VipEntered {
    static let sample = VipEntered(customerCode: SampleBook.customerCode, vipSince: SampleBook.vipSince,
        continuousTenureMonths: 60)
}

extension VipLeft {
    static let sample = VipLeft(customerCode: SampleBook.customerCode, reason: "gap in cover 断保",
        continuousTenureMonths: 61)
}

extension RuleSetActivated {
    static let sample = RuleSetActivated(ruleSet: .sample, previous: RuleSetRef(ruleSetId: "book-2024", version: 7),
        operatorId: "risk-赵六", reason: "approved by 风险委员会")
}
