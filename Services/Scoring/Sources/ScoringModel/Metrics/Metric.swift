/// A per-customer quantity rules can weigh or test (scoring.proto `Metric`). `CustomerAssessment.value(of:)`
/// reads a customer's value of any of them.
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
    case unspecified = "METRIC_UNSPECIFIED"
    /// Money: in-force premiums converted to a year.
    case annualisedPremium = "METRIC_ANNUALISED_PREMIUM"
    /// Annualised premium over the segment's average; ≥ 0, 1 = average.
    case premiumContribution = "METRIC_PREMIUM_CONTRIBUTION"
    /// Renewals taken over renewals due in the look-back, 0–1.
    case renewalRate = "METRIC_RENEWAL_RATE"
    /// Claims paid over premium earned in the look-back, ≥ 0.
    case claimsRatio = "METRIC_CLAIMS_RATIO"
    /// Months since the first policy took effect.
    case tenureMonths = "METRIC_TENURE_MONTHS"
    /// Months of cover without a gap, up to today.
    case continuousTenureMonths = "METRIC_CONTINUOUS_TENURE_MONTHS"
    /// Policies in force (cross-holding).
    case policyCount = "METRIC_POLICY_COUNT"
    /// Distinct product lines among policies in force.
    case productLineCount = "METRIC_PRODUCT_LINE_COUNT"
    /// Distinct value-added services used in the look-back.
    case serviceUsageDepth = "METRIC_SERVICE_USAGE_DEPTH"
    /// Referrals made in the look-back.
    case referralCount = "METRIC_REFERRAL_COUNT"
    /// Distinct channels used in the look-back.
    case engagementChannels = "METRIC_ENGAGEMENT_CHANNELS"
    /// RFM bands, 1–5 (5 best).
    case rfmRenewalBand = "METRIC_RFM_RENEWAL_BAND"
    case rfmPoliciesBand = "METRIC_RFM_POLICIES_BAND"
    case rfmServiceBand = "METRIC_RFM_SERVICE_BAND"
    /// Money: customer lifetime value.
    case clv = "METRIC_CLV"
    /// Risk score, 0–100, higher is riskier.
    case riskScore = "METRIC_RISK_SCORE"
    /// Loyalty score, 0–100.
    case loyaltyScore = "METRIC_LOYALTY_SCORE"
    /// Value score, 0–100; computed by rule sets, not here.
    case valueScore = "METRIC_VALUE_SCORE"
    /// Claims per policy-year in the look-back.
    case claimFrequency = "METRIC_CLAIM_FREQUENCY"
    /// Money: average paid per claim in the look-back.
    case claimSeverity = "METRIC_CLAIM_SEVERITY"
    /// Claims flagged as suspected fraud, ever.
    case fraudFlags = "METRIC_FRAUD_FLAGS"
    /// Occupation class 1–6 (0 unknown).
    case occupationClass = "METRIC_OCCUPATION_CLASS"
    /// Number of declared hazardous habits.
    case declaredHabits = "METRIC_DECLARED_HABITS"
    /// Tier as its number; assigned by rule sets, not here.
    case tier = "METRIC_TIER"
    /// Months since the last interaction of any kind.
    case monthsSinceInteraction = "METRIC_MONTHS_SINCE_INTERACTION"

    /// Money metrics take an amount as their threshold; the others a number.
    public var isMoney: Bool { [.annualisedPremium, .clv, .claimSeverity].contains(self) }
}
