/// Why a pair scored what it did: per field the level reached and its contribution, then the total, the posterior
/// and the outcome. The contributions add up to the total weight.
public struct MatchExplanation: Sendable, Hashable, Codable {
    /// One field's part of the weight.
    public struct FieldContribution: Sendable, Hashable, Codable {
        /// The field name.
        public var field: String
        /// The level reached: 0 is *null* (a side lacks the field), the last is *else*.
        public var level: Int
        /// The level's label.
        public var label: String
        /// P(level | match).
        public var m: Double
        /// P(level | non-match), before term-frequency adjustment.
        public var u: Double
        /// The frequency of the agreeing value when term frequency adjusted the weight.
        public var valueFrequency: Double?
        /// The part of `weight` due to term frequency, in bits.
        public var termFrequencyAdjustment: Double
        /// The field's contribution to the total, in bits: log2(m/u) plus the adjustment; 0 for *null*.
        public var weight: Double
    }

    /// The first record's id.
    public var first: Int
    /// The second record's id.
    public var second: Int
    /// Per field, in the settings' order.
    public var fields: [FieldContribution]
    /// The sum of the fields' weights.
    public var totalWeight: Double
    /// log2(λ/(1−λ)), added to the total for the posterior.
    public var priorLogOdds: Double
    /// The posterior match probability.
    public var posterior: Double
    /// The outcome by the matcher's thresholds.
    public var outcome: MatchOutcome
}

extension Matcher {
    /// Explains the score of a pair of records, field by field.
    public func explain(_ a: MatchRecord, _ b: MatchRecord) -> MatchExplanation {
        var scratch = DistanceScratch()
        let left = preparer.prepare(a), right = preparer.prepare(b)
        var contributions: [MatchExplanation.FieldContribution] = []
        var total = 0.0
        for (f, field) in fields.enumerated() {
            let outcome = field.compare(left, right, field: f, scratch: &scratch)
            let parameters = model.fields[f]
            let (weight, adjustment) = outcome.level == 0 ? (0, 0) : scorer.weight(field: f, outcome)
            total += weight
            contributions.append(MatchExplanation.FieldContribution(
                field: field.field, level: outcome.level, label: field.labels[outcome.level],
                m: parameters.m[outcome.level], u: parameters.u[outcome.level],
                valueFrequency: adjustment != 0 ? outcome.frequency : nil,
                termFrequencyAdjustment: adjustment, weight: weight))
        }
        let pair = scoredPair(a.id, b.id, weight: total)
        return MatchExplanation(first: a.id, second: b.id, fields: contributions, totalWeight: total,
                                priorLogOdds: model.priorLogOdds, posterior: pair.posterior, outcome: pair.outcome)
    }
}
