import Foundation
import Models
import ScoringAPI
import ScoringModel

/// A customer's assessment as a score card while no rule set is active (`ScoringFrame` applies the active one):
/// metrics, insurance RFM, CLV, risk grade and loyalty (with the VIP flag) with the model's defaults. Value score,
/// tier, potential flag and pyramid layer come only from a rule set: until one is activated they stay
/// 0 / UNSPECIFIED / false, and `rule_set_id` is empty.
enum ScoreCards {
    /// - Parameters:
    ///   - previous: the tier standing of the customer's card before, whose tier history carries over.
    static func card(for assessment: CustomerAssessment, factsPosition: Int64, scoredAt: Timestamp,
                     previous: TierStanding?) -> ScoreCard {
        let value = CustomerValue(
            customerCode: assessment.customerCode, valueScore: 0, tier: .unspecified, potential: false,
            layer: .unspecified, riskGrade: assessment.risk.grade, loyaltyScore: assessment.loyalty.loyaltyScore,
            vip: assessment.loyalty.vip, annualisedPremium: assessment.metrics.annualisedPremium,
            clv: assessment.clv.clv, ruleSetId: "", ruleSetVersion: 0, scoredAt: scoredAt)
        let tierKept = previous.map { $0.tier == value.tier } ?? false
        return ScoreCard(
            value: value, metrics: assessment.metrics, rfm: assessment.rfm, clv: assessment.clv,
            risk: assessment.risk, loyalty: assessment.loyalty, explanation: nil, factsPosition: factsPosition,
            previousTier: tierKept ? previous?.previousTier ?? .unspecified : previous?.tier ?? .unspecified,
            tierSince: tierKept ? previous?.since ?? scoredAt : scoredAt)
    }

    /// What can be said of a card scored without a rule set: a summary, no components or rules fired.
    static func explanation(of card: ScoreCard) -> ScoreExplanation {
        let value = card.value
        let summary = "Risk grade \(value.riskGrade.rawValue) (risk score \(format(card.risk.riskScore))), "
            + "loyalty score \(format(value.loyaltyScore))\(value.vip ? ", on the VIP list" : ""); "
            + "annualised premium \(value.annualisedPremium), CLV \(value.clv). Value score, tier and layer are "
            + "given by the active rule set, and none was active when this card was computed (clm rules activate)."
        return ScoreExplanation(components: [], rulesFired: [], summary: summary)
    }

    private static func format(_ number: Double) -> String { String(format: "%.1f", number) }
}
