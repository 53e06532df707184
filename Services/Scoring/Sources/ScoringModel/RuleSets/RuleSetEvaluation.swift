public import Models
public import ScoringAPI

/// A rule set applied to one customer's assessment: the value score from the weighted, normalised value
/// components, the risk and loyalty scores from theirs (risk graded by the rule set's bands), the tier from the
/// tier rules settled by hysteresis, the potential flag, the pyramid layer, and the explanation of all of it —
/// as the score card the proto returns.
///
/// Where the rule set is not valid the evaluation still answers: with overlapping tier rules the highest tier
/// whose rule holds wins (likewise the highest layer); with a gap the tier or layer is unspecified.
public struct RuleSetEvaluation: Sendable, Hashable {
    /// The customer's score card: value (scored at `now`), metrics, RFM, CLV, risk, loyalty, the explanation,
    /// `previousTier` and `tierSince`. `factsPosition` is left 0 for the caller to fill.
    public var scoreCard: ScoreCard
    /// Set when the tier differs from the standing one (or a first tier was given).
    public var tierChange: TierChange?

    /// A tier change, as the TierChanged event carries it.
    public struct TierChange: Sendable, Hashable {
        /// Unspecified on a first tier.
        public var from: CustomerTier
        /// The tier after hysteresis.
        public var to: CustomerTier
        /// For a person: the rules behind the new tier, and what no longer held.
        public var reason: String

        public init(from: CustomerTier, to: CustomerTier, reason: String) {
            self.from = from
            self.to = to
            self.reason = reason
        }
    }

    /// Evaluates `ruleSet` for one customer.
    /// - Parameters:
    ///   - ruleSet: the rules; assess the customer under the same rule set (`CustomerAssessment(facts:settings:
    ///     book:ruleSet:mortality:)`) so that look-back, RFM edges, CLV assumptions and the VIP minimum agree.
    ///   - assessment: the customer's metrics, RFM, CLV, risk factors and loyalty.
    ///   - book: the book's distributions, for PERCENTILE components.
    ///   - standing: the tier the customer held before; nil for a first score.
    ///   - now: when the customer is scored (`scoredAt`, and hysteresis' days in tier).
    ///   - trigger: why the customer is scored; rule-set activation lifts hysteresis' minimum days.
    public init(ruleSet: RuleSet, assessment: CustomerAssessment, book: BookStatistics, standing: TierStanding?,
                now: Timestamp, trigger: ScoreTrigger) {
        var scores = Scores(assessment: assessment)
        let risk = Scorecard(.risk, of: ruleSet).score(book: book.distributions) { scores.value(of: $0) }
        scores.riskScore = risk.score
        let loyalty = Scorecard(.loyalty, of: ruleSet).score(book: book.distributions) { scores.value(of: $0) }
        scores.loyaltyScore = loyalty.score
        let value = Scorecard(.value, of: ruleSet).score(book: book.distributions) { scores.value(of: $0) }
        scores.valueScore = value.score

        var fired: [RuleFired] = []
        let tierRules = ruleSet.tierRules.filter { rule in rule.conditions.allSatisfy { scores.holds($0) } }
        let ruled = tierRules.map(\.tier).max { $0.number < $1.number } ?? .unspecified
        let settled = ruleSet.hysteresis.settle(ruled: ruled, standing: standing, rules: ruleSet.tierRules,
                                                valueScore: value.score, value: { scores.value(of: $0) },
                                                now: now, trigger: trigger)
        fired += tierRules.map { rule in
            let tier = "tier \(rule.tier.shortName)"
            let effect = rule.tier != ruled ? tier + " (a higher tier also holds)"
                : rule.tier != settled.tier ? tier + " (hysteresis kept \(settled.tier.shortName))" : tier
            return RuleFired(ruleId: rule.ruleId, description: rule.description, effect: effect)
        }
        fired += settled.fired.map { [$0] } ?? []
        scores.tier = settled.tier

        let flags = ruleSet.potentialRules.filter { rule in rule.conditions.allSatisfy { scores.holds($0) } }
        fired += flags.map { RuleFired(ruleId: $0.ruleId, description: $0.description, effect: "potential") }
        let layers = ruleSet.layerRules.filter { rule in rule.conditions.allSatisfy { scores.holds($0) } }
        let layer = layers.map(\.layer).max { $0.number < $1.number } ?? .unspecified
        fired += layers.map { rule in
            RuleFired(ruleId: rule.ruleId, description: rule.description,
                      effect: rule.layer == layer ? "layer \(rule.layer.shortName)"
                          : "layer \(rule.layer.shortName) (a higher layer also holds)")
        }

        var riskAssessment = assessment.risk
        riskAssessment.riskScore = risk.score
        riskAssessment.grade = RiskGradeBand.grade(for: risk.score, bands: RiskModel(ruleSet: ruleSet).bands)
        var loyaltyAssessment = assessment.loyalty
        loyaltyAssessment.loyaltyScore = loyalty.score
        if loyaltyAssessment.vip {
            let months = LoyaltyModel(ruleSet: ruleSet).vipMinContinuousTenureMonths
            fired.append(RuleFired(ruleId: "vip", description: "continuous tenure of \(months) months or more",
                                   effect: "VIP since \(loyaltyAssessment.vipSince?.description ?? "unknown")"))
        }

        let customerValue = CustomerValue(
            customerCode: assessment.customerCode, valueScore: value.score, tier: settled.tier,
            potential: !flags.isEmpty, layer: layer, riskGrade: riskAssessment.grade,
            loyaltyScore: loyalty.score, vip: loyaltyAssessment.vip,
            annualisedPremium: assessment.metrics.annualisedPremium, clv: assessment.clv.clv,
            ruleSetId: ruleSet.ruleSetId, ruleSetVersion: ruleSet.version, scoredAt: now)
        let changed = settled.tier != (standing?.tier ?? .unspecified)
        let explanation = ScoreExplanation(
            components: value.components + risk.components + loyalty.components, rulesFired: fired,
            summary: Self.summary(customerValue, tierRules: tierRules.filter { $0.tier == settled.tier },
                                  hysteresis: settled.fired, flags: flags, riskScore: risk.score))
        scoreCard = ScoreCard(
            value: customerValue, metrics: assessment.metrics, rfm: assessment.rfm, clv: assessment.clv,
            risk: riskAssessment, loyalty: loyaltyAssessment, explanation: explanation, factsPosition: 0,
            previousTier: changed ? (standing?.tier ?? .unspecified) : (standing?.previousTier ?? .unspecified),
            tierSince: changed ? now : (standing?.since ?? now))
        tierChange = changed
            ? TierChange(from: standing?.tier ?? .unspecified, to: settled.tier,
                         reason: Self.reason(from: standing?.tier ?? .unspecified, to: settled.tier,
                                             fired: tierRules.filter { $0.tier == settled.tier },
                                             left: ruleSet.tierRules.filter { $0.tier == standing?.tier },
                                             scores: scores))
            : nil
    }

    /// "GOLD → DIAMOND: diamond-by-score holds (value_score ≥ 80); gold-by-score no longer holds
    /// (value_score < 80: value_score 83.5)".
    static func reason(from: CustomerTier, to: CustomerTier, fired: [TierRule], left: [TierRule],
                       scores: Scores) -> String {
        let heading = from == .unspecified ? "first tier \(to.shortName)" : "\(from.shortName) → \(to.shortName)"
        let holding = fired.map { "\($0.ruleId) holds (\($0.conditions.map(\.text).joined(separator: ", ")))" }
        let missed = left.map { rule in
            let failed = rule.conditions.filter { !scores.holds($0) }.map { condition in
                let now = scores.value(of: condition.metric)?.text ?? "absent"
                return "\(condition.text): \(condition.metric.shortName) \(now)"
            }
            return "\(rule.ruleId) no longer holds (\(failed.joined(separator: ", ")))"
        }
        let parts = holding + missed
        return parts.isEmpty ? heading + ": no tier rule holds" : heading + ": " + parts.joined(separator: "; ")
    }

    /// One paragraph: score, tier and why, potential, layer, risk, loyalty and VIP.
    static func summary(_ value: CustomerValue, tierRules: [TierRule], hysteresis: RuleFired?, flags: [FlagRule],
                        riskScore: Double) -> String {
        var sentences = ["Value score \(Threshold.plain((value.valueScore * 10).rounded() / 10))."]
        if let hysteresis {
            sentences.append("Tier \(value.tier.shortName): \(hysteresis.effect).")
        } else if value.tier == .unspecified {
            sentences.append("No tier rule holds.")
        } else {
            sentences.append("Tier \(value.tier.shortName) by \(tierRules.map(\.ruleId).joined(separator: ", ")).")
        }
        if !flags.isEmpty { sentences.append("Potential by \(flags.map(\.ruleId).joined(separator: ", ")).") }
        sentences.append("Layer \(value.layer.shortName).")
        sentences.append("Risk grade \(value.riskGrade.shortName) "
            + "(risk score \(Threshold.plain((riskScore * 10).rounded() / 10))); loyalty "
            + "\(Threshold.plain((value.loyaltyScore * 10).rounded() / 10))\(value.vip ? "; VIP" : "").")
        return sentences.joined(separator: " ")
    }
}

/// A customer's values while a rule set is applied: the assessment's, and the scores, tier worked out so far
/// (which rule conditions may test).
struct Scores {
    let assessment: CustomerAssessment
    var riskScore: Double?
    var loyaltyScore: Double?
    var valueScore: Double?
    var tier: CustomerTier?

    init(assessment: CustomerAssessment) {
        self.assessment = assessment
    }

    /// The value of `metric`; the value score and tier are absent until worked out, and the risk and loyalty
    /// scores are the rule set's once worked out.
    func value(of metric: Metric) -> MetricValue? {
        switch metric {
        case .riskScore: riskScore.map(MetricValue.number) ?? assessment.value(of: metric)
        case .loyaltyScore: loyaltyScore.map(MetricValue.number) ?? assessment.value(of: metric)
        case .valueScore: valueScore.map(MetricValue.number)
        case .tier: tier.map { .number(Double($0.number)) }
        default: assessment.value(of: metric)
        }
    }

    func holds(_ condition: Condition) -> Bool {
        condition.holds(for: value(of: condition.metric))
    }
}
