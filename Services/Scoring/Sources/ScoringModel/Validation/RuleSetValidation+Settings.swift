import Models
import ScoringAPI

extension RuleSetValidation {
    /// Look-back, segments, VIP minimum, hysteresis, RFM edges, risk grade bands and CLV assumptions.
    static func settingsProblems(_ ruleSet: RuleSet, mortalityTables: Set<String>) -> [RuleProblem] {
        var problems: [RuleProblem] = []
        // 0 means "the default of 12 months" (`MetricSettings(asOf:ruleSet:)`).
        if ruleSet.lookbackMonths != 0 && !(1 ... 120).contains(ruleSet.lookbackMonths) {
            problems.append(.error(.invalidAssumption, "The look-back is \(ruleSet.lookbackMonths) months; it must "
                + "be 1–120.", rules: ["lookback_months"]))
        }
        if ruleSet.premiumSegmentBy.contains(.unspecified) {
            problems.append(.error(.other, "The premium segments name an unspecified dimension; remove it or choose "
                + "product line, province, age band or party kind.", rules: ["premium_segment_by"]))
        }
        if ruleSet.vipMinContinuousTenureMonths < 0 {
            problems.append(.error(.invalidAssumption, "The VIP minimum is \(ruleSet.vipMinContinuousTenureMonths) "
                + "months; it cannot be negative (0 means 60).", rules: ["vip"]))
        }
        let hysteresis = ruleSet.hysteresis
        if !(0 ... 100).contains(hysteresis.scoreMargin) || hysteresis.minDaysInTier < 0 {
            let margin = Threshold.plain(hysteresis.scoreMargin)
            problems.append(.error(.invalidAssumption, "Hysteresis: the score margin (\(margin)) must be 0–100 value "
                + "score points and the minimum days in tier (\(hysteresis.minDaysInTier)) not negative.",
                rules: ["hysteresis"]))
        }
        return problems + rfmProblems(ruleSet.rfm) + riskGradeProblems(ruleSet.riskGrades)
            + clvProblems(ruleSet.clv, mortalityTables: mortalityTables)
    }

    /// Each RFM quantity: no edges (the book's quintiles) or four ascending ones, none negative.
    static func rfmProblems(_ rfm: RfmBands) -> [RuleProblem] {
        let quantities = [("renewal interval", rfm.renewalIntervalDaysEdges), ("policies held", rfm.policiesHeldEdges),
                          ("service depth", rfm.serviceDepthEdges)]
        return quantities.compactMap { name, edges in
            guard !edges.isEmpty else { return nil }
            let ascending = !zip(edges, edges.dropFirst()).contains { $0 > $1 }
            guard edges.count != 4 || !ascending || edges.contains(where: { $0 < 0 }) else { return nil }
            let listed = edges.map(Threshold.plain).joined(separator: ", ")
            return .error(.invalidThreshold, "The RFM \(name) edges (\(listed)) must be four ascending numbers from 0, "
                + "or none to cut the book in fifths.", rules: ["rfm"])
        }
    }

    /// Bands 0–100 with distinct grades and minimums, one of them from 0 (else low scores get no grade). None
    /// means the default bands.
    static func riskGradeProblems(_ bands: [RiskGradeBand]) -> [RuleProblem] {
        guard !bands.isEmpty else { return [] }
        var problems: [RuleProblem] = bands.filter { !(0 ... 100).contains($0.minRiskScore) }.map { band in
            .error(.invalidThreshold, "Risk grade \(band.grade.shortName) starts at "
                + "\(Threshold.plain(band.minRiskScore)); risk scores are 0–100.", rules: ["risk_grades"])
        }
        if bands.contains(where: { $0.grade == .unspecified }) || Set(bands.map(\.grade)).count < bands.count
            || Set(bands.map(\.minRiskScore)).count < bands.count {
            problems.append(.error(.other, "Risk grade bands must each name a different grade and start at a "
                + "different score.", rules: ["risk_grades"]))
        }
        if let lowest = bands.map(\.minRiskScore).min(), lowest > 0 {
            problems.append(.error(.gap, "No risk grade band starts at 0: risk scores below "
                + "\(Threshold.plain(lowest)) get no grade; lower the first band to 0.", rules: ["risk_grades"],
                example: "risk_score=0"))
        }
        return problems
    }

    /// Rates 0–1, a horizon of 1–100 years, a known mortality table, each line listed once. Assumptions left
    /// entirely unset mean `ClvAssumptions.standard`.
    static func clvProblems(_ clv: ClvAssumptions, mortalityTables: Set<String>) -> [RuleProblem] {
        guard clv != ClvAssumptions() else { return [] }
        var messages: [String] = []
        if !mortalityTables.contains(clv.mortalityTable) {
            messages.append("the mortality table \"\(clv.mortalityTable)\" is not known (known: "
                + mortalityTables.sorted().joined(separator: ", ") + ")")
        }
        if !(0 ... 1).contains(clv.discountRate) {
            messages.append("the discount rate \(Threshold.plain(clv.discountRate)) is not 0–1")
        }
        if !(1 ... 100).contains(clv.horizonYears) {
            messages.append("the horizon of \(clv.horizonYears) years is not 1–100")
        }
        for lapse in clv.lapseRates where !(0 ... 1).contains(lapse.annualRate) {
            messages.append("the lapse rate of \(lapse.productLine.shortName) "
                + "(\(Threshold.plain(lapse.annualRate))) is not 0–1")
        }
        for margin in clv.marginRates where !(0 ... 1).contains(margin.rate) {
            messages.append("the margin rate of \(margin.productLine.shortName) "
                + "(\(Threshold.plain(margin.rate))) is not 0–1")
        }
        if !(0 ... 1).contains(clv.defaultMarginRate) {
            messages.append("the default margin rate \(Threshold.plain(clv.defaultMarginRate)) is not 0–1")
        }
        let lapseLines = clv.lapseRates.map(\.productLine)
        let marginLines = clv.marginRates.map(\.productLine)
        if Set(lapseLines).count < lapseLines.count || Set(marginLines).count < marginLines.count
            || (lapseLines + marginLines).contains(.unspecified) {
            messages.append("each product line may have one lapse rate and one margin rate, and must be named")
        }
        return messages.map { .error(.invalidAssumption, "CLV assumptions: \($0).", rules: ["clv"]) }
    }
}
