import Models
import ScoringAPI

/// A score card as `clm score show` and `clm score rescore` print it.
enum ScoreCardText {
    typealias T = ScoringText

    /// The verdict: tier, layer, value score, rule set, risk, loyalty, VIP, premium and CLV.
    static func header(_ card: ScoreCard) -> [String] {
        let value = card.value
        let ruleSet = value.ruleSetId.isEmpty
            ? "no rule set applied" : "rule set \(value.ruleSetId) v\(value.ruleSetVersion)"
        var lines = [
            "customer \(value.customerCode)  tier \(T.name(value.tier))" + (value.potential ? " (potential)" : "")
                + "  layer \(T.name(value.layer))  value score \(T.score(value.valueScore))",
            "\(ruleSet); scored \(formatTimestamp(value.scoredAt))",
            "risk grade \(T.name(value.riskGrade)) (risk score \(T.score(card.risk.riskScore)))  "
                + "loyalty \(T.score(value.loyaltyScore))  "
                + (value.vip ? "VIP since \(card.loyalty.vipSince?.description ?? "?")" : "not VIP"),
            "annualised premium \(value.annualisedPremium)  CLV \(value.clv)",
        ]
        if card.previousTier != .unspecified {
            lines.append("tier since \(formatTimestamp(card.tierSince)), before \(T.name(card.previousTier))")
        }
        return lines
    }

    /// The whole card: the header, then metrics, RFM, risk and CLV with its assumptions.
    static func lines(_ card: ScoreCard) -> [String] {
        let m = card.metrics
        let metrics: [[String]] = [
            ["annualised premium", "\(m.annualisedPremium)"],
            ["premium contribution", "\(T.ratio(m.premiumContribution)) × the average \(m.segmentAveragePremium) of "
                + (m.segment.isEmpty ? "the whole book" : m.segment)],
            ["renewal rate", m.renewalRate.map(T.percent) ?? "none due"],
            ["claims ratio", m.claimsRatio.map(T.percent) ?? "no premium earned"],
            ["tenure", "\(m.tenureMonths) months, \(m.continuousTenureMonths) continuous"
                + (m.firstPolicyDate.map { ", first policy \($0)" } ?? "")],
            ["policies in force", "\(m.policyCount)"
                + (m.productLines.isEmpty ? "" : " (" + m.productLines.map(\.label).joined(separator: ", ") + ")")],
            ["service use", "\(T.counted(m.serviceUses, "use")) of \(T.counted(m.serviceUsageDepth, "service"))"],
            ["referrals", "\(m.referralCount)"],
            ["interactions", "\(m.interactionCount) over \(T.counted(m.engagementChannels, "channel"))"
                + (m.channelsUsed.isEmpty ? "" : " (" + m.channelsUsed.map(\.label).joined(separator: ", ") + ")")
                + (m.lastInteractionDate.map { ", last \($0)" } ?? "")],
        ]
        let rfm = card.rfm
        let risk = card.risk
        let clv = card.clv
        var lines = header(card) + ["", "metrics:"] + formatTable(metrics).map { "  " + $0 }
        lines += ["", "RFM \(rfm.code.isEmpty ? "-" : rfm.code):"]
        lines += formatTable([
            ["renewal interval", "\(rfm.renewalIntervalDays) days", "band \(rfm.renewalBand)"],
            ["policies held", "\(rfm.policiesHeld)", "band \(rfm.policiesBand)"],
            ["service usage depth", "\(rfm.serviceUsageDepth)", "band \(rfm.serviceBand)"],
        ]).map { "  " + $0 }
        lines += ["", "risk:",
                  "  \(T.counted(risk.claimCount, "claim")), \(T.ratio(risk.claimFrequency)) per policy-year, "
                      + "paid \(risk.claimsPaid)"
                      + (risk.claimSeverity.map { ", \($0) per claim" } ?? ""),
                  "  fraud flags \(risk.fraudFlags); occupation class "
                      + (risk.occupationClass > 0 ? "\(risk.occupationClass)" : "unknown") + "; declared habits "
                      + (risk.declaredHabits.isEmpty ? "none" : risk.declaredHabits.joined(separator: ", "))]
        lines += ["", "CLV \(clv.clv): expected premium \(clv.expectedPremium), "
                      + "survival to horizon \(T.percent(clv.survivalToHorizon))"]
        lines += assumptions(clv.assumptions).map { "  " + $0 }
        return lines
    }

    /// The CLV assumptions, one per line.
    static func assumptions(_ a: ClvAssumptions) -> [String] {
        func rates(_ pairs: [(ProductLine, Double)]) -> String {
            pairs.map { "\($0.0.label) \(T.percent($0.1))" }.joined(separator: ", ")
        }
        return [
            "mortality table \(a.mortalityTable.isEmpty ? "none" : a.mortalityTable); discount rate "
                + "\(T.percent(a.discountRate)); horizon \(a.horizonYears) years",
            "margin \(T.percent(a.defaultMarginRate)) of premium"
                + (a.marginRates.isEmpty ? "" : " (" + rates(a.marginRates.map { ($0.productLine, $0.rate) }) + ")"),
            a.lapseRates.isEmpty
                ? "no lapse assumed" : "lapse " + rates(a.lapseRates.map { ($0.productLine, $0.annualRate) }) + " a year",
        ]
    }

    /// Why the customer scored so: components with raw value, normalised value, weight and contribution; the rules
    /// that fired; the summary.
    static func explanation(_ card: ScoreCard, _ explanation: ScoreExplanation) -> [String] {
        var lines = Array(header(card).prefix(2)) + [""]
        if explanation.components.isEmpty {
            lines.append("components: none (no rule set applied)")
        } else {
            var table = [["scorecard", "metric", "raw value", "normalised", "weight", "contribution"]]
            for c in explanation.components {
                let raw = c.rawValue.amount.map { "\($0)" } ?? c.rawValue.number.map(T.number) ?? "-"
                table.append([c.scorecard, c.metric.label, raw, T.ratio(c.normalised), T.ratio(c.weight),
                              T.score(c.contribution)])
            }
            lines.append("components:")
            lines += formatTable(table, rightAligned: [2, 3, 4, 5]).map { "  " + $0 }
        }
        lines.append("")
        if explanation.rulesFired.isEmpty {
            lines.append("rules fired: none")
        } else {
            lines.append("rules fired:")
            lines += formatTable([["rule", "effect", "description"]]
                + explanation.rulesFired.map { [$0.ruleId, $0.effect, $0.description] }).map { "  " + $0 }
        }
        return lines + ["", explanation.summary]
    }
}
