import Models
public import ScoringAPI

extension RiskAssessment {
    /// Measures the risk factors and scores them:
    /// - claims in the look-back: claims made (`madeOn`) in the window, withdrawn ones left out;
    /// - claim count: how many;
    /// - claim frequency: `claim count / max(1, policy-years)`, policy-years being the days of cover in the
    ///   window of every policy the customer holds or is insured on, over 365 (at least one policy-year, so a
    ///   short history does not inflate the rate);
    /// - claims paid: the settled amounts of those claims, in the settings' currency;
    /// - claim severity: `claims paid / claims with a settled amount above 0`, rounded to the minor unit; nil
    ///   without one;
    /// - fraud flags: claims ever flagged; occupation class and habits from the declared profile.
    ///
    /// The score is `model.components` scored over these factors (and `otherMetrics` for any other metric a
    /// component names, `book` for percentiles); the grade follows `model.bands`.
    public init(facts: CustomerFacts, settings: MetricSettings, model: RiskModel = .standard,
                book: MetricDistributions = MetricDistributions(),
                otherMetrics: (Metric) -> MetricValue? = { _ in nil }) {
        self.init(measuring: facts, settings: settings)
        score(model: model, book: book, otherMetrics: otherMetrics)
    }

    /// Measures the risk factors alone (as above), unscored: risk score 0, grade unspecified until
    /// `score(model:book:otherMetrics:)`.
    public init(measuring facts: CustomerFacts, settings: MetricSettings) {
        let window = settings.window
        let claims = facts.claims.filter { $0.status != .withdrawn && window.contains($0.madeOn) }
        let coveredDays = facts.policies.filter(\.coversCustomer).reduce(0) {
            $0 + window.overlapDays(with: $1.coverPeriod(asOf: settings.asOf))
        }
        let paid = claims.compactMap(\.settledAmount).filter { $0.currency == settings.currency && $0.minorUnits > 0 }
        let paidTotal = paid.reduce(Int64(0)) { $0 + $1.minorUnits }
        self.init(
            grade: .unspecified, riskScore: 0, claimCount: Int32(claims.count),
            claimFrequency: Double(claims.count) / max(1, Double(coveredDays) / 365),
            claimSeverity: paid.isEmpty ? nil
                : Money(roundingMinorUnits: Double(paidTotal) / Double(paid.count), currency: settings.currency),
            claimsPaid: Money(minorUnits: paidTotal, currency: settings.currency),
            fraudFlags: Int32(facts.claims.filter(\.fraudFlag).count),
            occupationClass: facts.profile?.occupationClass ?? 0,
            declaredHabits: facts.profile?.habitNames ?? [])
    }

    /// Scores the factors: `model.components` over them (and `otherMetrics` for any other metric a component
    /// names, `book` for percentiles); the grade follows `model.bands`.
    public mutating func score(model: RiskModel, book: MetricDistributions,
                               otherMetrics: (Metric) -> MetricValue?) {
        let factors = self
        let score = Scorecard(.risk, components: model.components)
            .score(book: book) { factors.value(of: $0) ?? otherMetrics($0) }
        self.riskScore = score.score
        self.grade = RiskGradeBand.grade(for: score.score, bands: model.bands)
    }

    /// The value of a risk factor metric (claim frequency, severity, fraud flags, occupation class, declared
    /// habits, risk score); nil for other metrics and for severity without paid claims.
    public func value(of metric: Metric) -> MetricValue? {
        switch metric {
        case .claimFrequency: .number(claimFrequency)
        case .claimSeverity: claimSeverity.map(MetricValue.amount)
        case .fraudFlags: .number(Double(fraudFlags))
        case .occupationClass: .number(Double(occupationClass))
        case .declaredHabits: .number(Double(declaredHabits.count))
        case .riskScore: .number(riskScore)
        default: nil
        }
    }
}
