public import ScoringAPI

extension Metric {
    /// The values a metric can take, for validating thresholds and for reasoning about tier conditions.
    public struct Range: Sendable, Hashable {
        /// Smallest value; every metric has one.
        public var lower: Double
        /// Largest value; nil when unbounded.
        public var upper: Double?
        /// Whole numbers only (counts, months, bands, minor units of money).
        public var isInteger: Bool
        /// Some customers have no value (renewal rate with nothing due...); no condition holds for them.
        public var canBeAbsent: Bool

        public init(lower: Double, upper: Double?, isInteger: Bool, canBeAbsent: Bool = false) {
            self.lower = lower
            self.upper = upper
            self.isInteger = isInteger
            self.canBeAbsent = canBeAbsent
        }

        /// Whether `value` lies between the bounds (whole or not).
        public func contains(_ value: Double) -> Bool {
            value >= lower && upper.map { value <= $0 } ?? true
        }
    }

    /// The metric's range, from the proto's comments: money in minor units from 0; ratios and rates from 0
    /// (renewal rate to 1); scores 0–100; RFM bands 1–5; occupation class 0–6; tier 0–4 (`CustomerTier`'s
    /// numbers); counts and months whole from 0. Renewal rate, claims ratio, claim severity and months since
    /// interaction can be absent. Nil for `unspecified`.
    public var range: Range? {
        switch self {
        case .unspecified: nil
        case .annualisedPremium, .clv: Range(lower: 0, upper: nil, isInteger: true)
        case .claimSeverity: Range(lower: 0, upper: nil, isInteger: true, canBeAbsent: true)
        case .premiumContribution, .claimFrequency: Range(lower: 0, upper: nil, isInteger: false)
        case .renewalRate: Range(lower: 0, upper: 1, isInteger: false, canBeAbsent: true)
        case .claimsRatio: Range(lower: 0, upper: nil, isInteger: false, canBeAbsent: true)
        case .tenureMonths, .continuousTenureMonths, .policyCount, .productLineCount, .serviceUsageDepth,
             .referralCount, .engagementChannels, .fraudFlags, .declaredHabits:
            Range(lower: 0, upper: nil, isInteger: true)
        case .monthsSinceInteraction: Range(lower: 0, upper: nil, isInteger: true, canBeAbsent: true)
        case .rfmRenewalBand, .rfmPoliciesBand, .rfmServiceBand: Range(lower: 1, upper: 5, isInteger: true)
        case .riskScore, .loyaltyScore, .valueScore: Range(lower: 0, upper: 100, isInteger: false)
        case .occupationClass: Range(lower: 0, upper: 6, isInteger: true)
        case .tier: Range(lower: 0, upper: 4, isInteger: true)
        }
    }

    /// "value_score" for METRIC_VALUE_SCORE: how problems, examples and explanations name the metric.
    public var shortName: String {
        String(rawValue.dropFirst("METRIC_".count)).lowercased()
    }
}
