import Foundation

/// The fitted Fellegi–Sunter model: per field and level the probability of reaching that level among matches (m)
/// and among non-matches (u), and the prior probability that a pair of records is a match.
///
/// A pair's match weight is Σ log2(m/u) over its fields (the *null* level adds 0); its posterior match probability
/// adds the prior log-odds log2(λ/(1−λ)). Term-frequency adjustment replaces the u of an exact agreement by the
/// frequency of the agreeing value.
public struct FellegiSunterModel: Sendable, Codable {
    /// The parameters of one field.
    public struct Field: Sendable, Codable {
        /// The field name.
        public var name: String
        /// Level labels, index 0 being *null* and the last *else*.
        public var levels: [String]
        /// P(level | match) per level; index 0 (*null*) is unused.
        public var m: [Double]
        /// P(level | non-match) per level; index 0 (*null*) is unused.
        public var u: [Double]

        /// log2(m/u) per level, 0 for *null*.
        public var weights: [Double] {
            levels.indices.map { $0 == 0 ? 0 : log2(m[$0] / u[$0]) }
        }
    }

    /// Parameters per field, in the order of the settings' field comparisons.
    public var fields: [Field]
    /// λ: the prior probability that two records drawn at random are a match.
    public var priorMatchProbability: Double

    /// log2(λ/(1−λ)), the weight a pair starts from before any field is compared.
    public var priorLogOdds: Double { log2(priorMatchProbability / (1 - priorMatchProbability)) }

    /// The posterior match probability of a pair with total match weight `weight`.
    public func posterior(weight: Double) -> Double { 1 / (1 + exp2(-(weight + priorLogOdds))) }

    /// The match weight whose posterior is `probability`.
    public func weight(forPosterior probability: Double) -> Double {
        log2(probability / (1 - probability)) - priorLogOdds
    }
}
