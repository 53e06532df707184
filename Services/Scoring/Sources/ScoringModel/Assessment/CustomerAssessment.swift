import Models
public import ScoringAPI

/// Everything measured about one customer: metrics, insurance RFM, CLV, risk and loyalty, each the proto's
/// message. Value score, tier, potential flag and layer come from a rule set (`RuleSetEvaluation`).
public struct CustomerAssessment: Sendable, Hashable, Codable {
    public var customerCode: String
    public var metrics: CustomerMetrics
    public var rfm: InsuranceRfm
    public var clv: ClvEstimate
    public var risk: RiskAssessment
    public var loyalty: LoyaltyAssessment
    /// METRIC_MONTHS_SINCE_INTERACTION (`monthsSinceInteraction(asOf:)`); absent without any interaction.
    public var monthsSinceInteraction: Int?

    public init(customerCode: String, metrics: CustomerMetrics, rfm: InsuranceRfm, clv: ClvEstimate,
                risk: RiskAssessment, loyalty: LoyaltyAssessment, monthsSinceInteraction: Int?) {
        self.customerCode = customerCode
        self.metrics = metrics
        self.rfm = rfm
        self.clv = clv
        self.risk = risk
        self.loyalty = loyalty
        self.monthsSinceInteraction = monthsSinceInteraction
    }

    /// Assesses one customer.
    /// - Parameters:
    ///   - facts: the customer's facts.
    ///   - settings: the day, look-back, currency and cover-gap allowance.
    ///   - book: segment averages, RFM edges and percentile distributions of the whole book.
    ///   - clvAssumptions: discount, lapse and margin rates, horizon.
    ///   - mortality: the table `clvAssumptions.mortalityTable` names.
    ///   - riskModel: risk components and grade bands.
    ///   - loyaltyModel: loyalty components and the VIP minimum.
    public init(facts: CustomerFacts, settings: MetricSettings, book: BookStatistics,
                clvAssumptions: ClvAssumptions = .standard,
                mortality: MortalityTable = .cl2013NonAnnuityI, riskModel: RiskModel = .standard,
                loyaltyModel: LoyaltyModel = .standard) {
        self = MeasuredCustomer(facts: facts, settings: settings, segmentation: book.segmentation,
                                clvAssumptions: clvAssumptions, mortality: mortality, loyaltyModel: loyaltyModel)
            .assessed(against: book, riskModel: riskModel, loyaltyModel: loyaltyModel)
    }

    /// The customer's value of `metric`: money metrics as amounts, the rest as numbers. Nil when the metric
    /// has no value for this customer (renewal rate with nothing due, claims ratio without earned premium,
    /// severity without paid claims, no interaction yet) and for value score, tier and unspecified, which this
    /// module does not compute.
    public func value(of metric: Metric) -> MetricValue? {
        valueBeforeScores(of: metric) ?? risk.value(of: metric) ?? loyalty.value(of: metric)
    }

    /// The value of a metric that is neither a risk nor a loyalty measure (what their scores may be computed from).
    func valueBeforeScores(of metric: Metric) -> MetricValue? {
        switch metric {
        case .annualisedPremium: .amount(metrics.annualisedPremium)
        case .premiumContribution: .number(metrics.premiumContribution)
        case .renewalRate: metrics.renewalRate.map(MetricValue.number)
        case .claimsRatio: metrics.claimsRatio.map(MetricValue.number)
        case .tenureMonths: .number(Double(metrics.tenureMonths))
        case .continuousTenureMonths: .number(Double(metrics.continuousTenureMonths))
        case .policyCount: .number(Double(metrics.policyCount))
        case .productLineCount: .number(Double(metrics.productLineCount))
        case .serviceUsageDepth: .number(Double(metrics.serviceUsageDepth))
        case .referralCount: .number(Double(metrics.referralCount))
        case .engagementChannels: .number(Double(metrics.engagementChannels))
        case .rfmRenewalBand: .number(Double(rfm.renewalBand))
        case .rfmPoliciesBand: .number(Double(rfm.policiesBand))
        case .rfmServiceBand: .number(Double(rfm.serviceBand))
        case .clv: .amount(clv.clv)
        case .monthsSinceInteraction: monthsSinceInteraction.map { .number(Double($0)) }
        case .riskScore, .loyaltyScore, .claimFrequency, .claimSeverity, .fraudFlags, .occupationClass,
             .declaredHabits, .valueScore, .tier, .unspecified:
            nil
        }
    }
}
