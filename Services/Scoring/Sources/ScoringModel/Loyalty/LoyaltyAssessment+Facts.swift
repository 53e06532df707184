import Models
public import ScoringAPI

extension LoyaltyAssessment {
    /// Measures loyalty: continuous tenure (`continuousTenureMonths`), VIP when it is at least
    /// `model.vipMinContinuousTenureMonths` with `vipSince = continuous cover start + that many months`,
    /// `serviceUsageDepth`, `referralCount` and `engagementChannels` in the window; the score is
    /// `model.components` scored over them (and `otherMetrics` for any other metric, `book` for percentiles).
    public init(facts: CustomerFacts, settings: MetricSettings, model: LoyaltyModel = .standard,
                book: MetricDistributions = MetricDistributions(),
                otherMetrics: (Metric) -> MetricValue? = { _ in nil }) {
        self.init(measuring: facts, settings: settings, model: model)
        score(model: model, book: book, otherMetrics: otherMetrics)
    }

    /// Measures loyalty alone (as above), unscored: loyalty score 0 until `score(model:book:otherMetrics:)`.
    public init(measuring facts: CustomerFacts, settings: MetricSettings, model: LoyaltyModel) {
        let window = settings.window
        let start = facts.continuousCoverStart(asOf: settings.asOf, allowedGapDays: settings.allowedCoverGapDays)
        let months = start.map { CalendarDate.wholeMonths(from: $0, to: settings.asOf) } ?? 0
        let vip = start != nil && months >= model.vipMinContinuousTenureMonths
        self.init(
            loyaltyScore: 0, continuousTenureMonths: Int32(months), vip: vip,
            vipSince: vip ? start?.addingMonths(model.vipMinContinuousTenureMonths) : nil,
            serviceUsageDepth: Int32(facts.serviceUsageDepth(in: window)),
            referralCount: Int32(facts.referralCount(in: window)),
            engagementChannels: Int32(facts.engagementChannels(in: window)))
    }

    /// Scores loyalty: `model.components` over the measures (and `otherMetrics` for any other metric, `book` for
    /// percentiles).
    public mutating func score(model: LoyaltyModel, book: MetricDistributions,
                               otherMetrics: (Metric) -> MetricValue?) {
        let measured = self
        loyaltyScore = Scorecard(.loyalty, components: model.components)
            .score(book: book) { measured.value(of: $0) ?? otherMetrics($0) }.score
    }

    /// The value of a loyalty metric (continuous tenure, service usage depth, referrals, engagement channels,
    /// loyalty score); nil for other metrics.
    public func value(of metric: Metric) -> MetricValue? {
        switch metric {
        case .continuousTenureMonths: .number(Double(continuousTenureMonths))
        case .serviceUsageDepth: .number(Double(serviceUsageDepth))
        case .referralCount: .number(Double(referralCount))
        case .engagementChannels: .number(Double(engagementChannels))
        case .loyaltyScore: .number(loyaltyScore)
        default: nil
        }
    }
}
