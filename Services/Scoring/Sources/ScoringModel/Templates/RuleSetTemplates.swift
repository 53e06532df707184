public import Models
public import ScoringAPI

/// The default rule sets, one per product line (life, health, auto, property), that GetRuleSetTemplate returns:
/// complete and valid (`RuleSetValidation`), with rule set id and version left empty.
///
/// Kept as code rather than bundled JSON: the compiler checks every field name and enum case, and the module
/// needs no resources. All four share their shape —
/// - value score: premium and CLV on a log scale, renewal rate, tenure, cross-holding, claims ratio (lower is
///   better), service usage, referrals and engagement, weighted per line (`TemplateProfile`);
/// - tiers by value score: diamond from the line's diamond cut, gold and standard between, basic below;
/// - potential: a value score under gold with a growing relationship (new and holding two lines or more),
///   referrals, or broad engagement;
/// - pyramid by premium against the book's average (premium contribution, the whole book as segment):
///   top above 3×, middle 1–3×, base below 1×;
/// - risk from claim frequency and severity, fraud flags, occupation class and habits, graded A–E from 0, 20,
///   40, 60, 80; loyalty as `LoyaltyModel.standard`, VIP from 60 months;
/// - RFM edges from the book's quintiles; CLV on the CL2013 table, 3% discount, the line's horizon, lapse and
///   margin; hysteresis of 3 value-score points and 30 days.
public enum RuleSetTemplates {
    /// The lines with a template.
    public static let productLines: [ProductLine] = [.life, .health, .auto, .property]

    /// The template of `line`; nil for lines without one (GetRuleSetTemplate answers NOT_FOUND).
    public static func template(for line: ProductLine) -> RuleSet? {
        TemplateProfile.of(line).map(ruleSet)
    }

    static func ruleSet(_ profile: TemplateProfile) -> RuleSet {
        RuleSet(
            status: .draft, description: profile.description, fromTemplate: profile.line, lookbackMonths: 12,
            premiumSegmentBy: [], valueComponents: valueComponents(profile), tierRules: tierRules(profile),
            potentialRules: potentialRules(profile), layerRules: layerRules, riskComponents: riskComponents(profile),
            riskGrades: RiskGradeBand.defaults, loyaltyComponents: LoyaltyModel.standard.components,
            vipMinContinuousTenureMonths: 60, rfm: RfmBands(),
            clv: ClvAssumptions(mortalityTable: MortalityTable.cl2013NonAnnuityI.name, discountRate: 0.03,
                                lapseRates: [LapseRate(productLine: profile.line, annualRate: profile.lapseRate)],
                                horizonYears: profile.horizonYears,
                                marginRates: [MarginRate(productLine: profile.line, rate: profile.marginRate)],
                                defaultMarginRate: 0.08),
            hysteresis: Hysteresis(scoreMargin: 3, minDaysInTier: 30))
    }

    static func valueComponents(_ profile: TemplateProfile) -> [WeightedComponent] {
        let w = profile.weights
        return [
            WeightedComponent(metric: .annualisedPremium, weight: w.premium,
                              normalisation: .log(floor: yuan(0), cap: yuan(profile.premiumCapYuan))),
            WeightedComponent(metric: .clv, weight: w.clv,
                              normalisation: .log(floor: yuan(0), cap: yuan(profile.clvCapYuan))),
            WeightedComponent(metric: .renewalRate, weight: w.renewal, normalisation: .linear(floor: 0, cap: 1)),
            WeightedComponent(metric: .tenureMonths, weight: w.tenure, normalisation: .linear(floor: 0, cap: 120)),
            WeightedComponent(metric: .productLineCount, weight: w.holding, normalisation: .linear(floor: 1, cap: 4)),
            WeightedComponent(metric: .claimsRatio, weight: w.claims,
                              normalisation: .linear(floor: 0, cap: profile.claimsRatioCap, lowerIsBetter: true)),
            WeightedComponent(metric: .serviceUsageDepth, weight: w.services, normalisation: .linear(floor: 0, cap: 5)),
            WeightedComponent(metric: .referralCount, weight: w.referrals, normalisation: .linear(floor: 0, cap: 3)),
            WeightedComponent(metric: .engagementChannels, weight: w.engagement,
                              normalisation: .linear(floor: 0, cap: 4)),
        ]
    }

    static func tierRules(_ profile: TemplateProfile) -> [TierRule] {
        let (diamond, gold, standard) = profile.tierCuts
        return [
            TierRule(ruleId: "diamond-by-score", tier: .diamond, conditions: [score(.atLeast, diamond)],
                     description: "value score \(Threshold.plain(diamond)) or more"),
            TierRule(ruleId: "gold-by-score", tier: .gold,
                     conditions: [score(.atLeast, gold), score(.lessThan, diamond)],
                     description: "value score \(Threshold.plain(gold)) to under \(Threshold.plain(diamond))"),
            TierRule(ruleId: "standard-by-score", tier: .standard,
                     conditions: [score(.atLeast, standard), score(.lessThan, gold)],
                     description: "value score \(Threshold.plain(standard)) to under \(Threshold.plain(gold))"),
            TierRule(ruleId: "basic-by-score", tier: .basic, conditions: [score(.lessThan, standard)],
                     description: "value score under \(Threshold.plain(standard))"),
        ]
    }

    static func potentialRules(_ profile: TemplateProfile) -> [FlagRule] {
        let belowGold = score(.lessThan, profile.tierCuts.gold)
        return [
            FlagRule(ruleId: "potential-growing",
                     conditions: [belowGold, number(.tenureMonths, .atMost, 24),
                                  number(.productLineCount, .atLeast, 2)],
                     description: "new in the last two years and already holding two lines or more"),
            FlagRule(ruleId: "potential-referrer", conditions: [belowGold, number(.referralCount, .atLeast, 2)],
                     description: "referred two customers or more in the look-back"),
            FlagRule(ruleId: "potential-engaged",
                     conditions: [belowGold, number(.engagementChannels, .atLeast, 3),
                                  number(.serviceUsageDepth, .atLeast, 2)],
                     description: "reached through three channels or more and using two services or more"),
        ]
    }

    /// Top above 3× the book's average premium, middle 1–3×, base below 1×.
    static let layerRules: [LayerRule] = [
        LayerRule(ruleId: "top-by-premium", layer: .top, conditions: [number(.premiumContribution, .greaterThan, 3)],
                  description: "annualised premium above 3× the book's average"),
        LayerRule(ruleId: "middle-by-premium", layer: .middle,
                  conditions: [number(.premiumContribution, .atLeast, 1), number(.premiumContribution, .atMost, 3)],
                  description: "annualised premium 1–3× the book's average"),
        LayerRule(ruleId: "base-by-premium", layer: .base, conditions: [number(.premiumContribution, .lessThan, 1)],
                  description: "annualised premium below the book's average"),
    ]

    static func riskComponents(_ profile: TemplateProfile) -> [WeightedComponent] {
        let w = profile.riskWeights
        return [
            WeightedComponent(metric: .claimFrequency, weight: w.frequency,
                              normalisation: .linear(floor: 0, cap: profile.claimFrequencyCap)),
            WeightedComponent(metric: .claimSeverity, weight: w.severity,
                              normalisation: .linear(floor: yuan(0), cap: yuan(profile.severityCapYuan))),
            WeightedComponent(metric: .fraudFlags, weight: w.fraud, normalisation: .linear(floor: 0, cap: 1)),
            WeightedComponent(metric: .occupationClass, weight: w.occupation, normalisation: .linear(floor: 1, cap: 6)),
            WeightedComponent(metric: .declaredHabits, weight: w.habits, normalisation: .linear(floor: 0, cap: 2)),
        ]
    }

    static func score(_ comparison: Comparison, _ points: Double) -> Condition {
        number(.valueScore, comparison, points)
    }

    static func number(_ metric: Metric, _ comparison: Comparison, _ value: Double) -> Condition {
        Condition(metric: metric, comparison: comparison, threshold: Threshold(number: value))
    }

    static func yuan(_ amount: Int64) -> Threshold {
        Threshold(amount: Money(minorUnits: amount * 100, currency: "CNY"))
    }
}
