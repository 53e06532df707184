import Foundation

/// Scores prepared pairs with a fitted model: the comparison and the weight lookup, nothing allocated per pair.
struct PairScorer: Sendable {
    let fields: [CompiledField]
    let model: FellegiSunterModel
    /// log2(m/u) per field and level.
    let weights: [[Double]]
    /// The most a rare value may add to its level's weight, in bits.
    let maximumBoost: Double

    /// Whether term-frequency adjustment is on at all.
    let adjusted: Bool

    init(fields: [CompiledField], model: FellegiSunterModel, maximumBoost: Double, adjusted: Bool) {
        self.fields = fields
        self.adjusted = adjusted
        self.model = model
        self.weights = model.fields.map(\.weights)
        self.maximumBoost = maximumBoost
    }

    /// The weight of one field's level, and how much of it term frequency contributed.
    func weight(field f: Int, _ outcome: FieldLevel) -> (weight: Double, adjustment: Double) {
        let base = weights[f][outcome.level]
        guard adjusted, fields[f].termFrequencyAdjusted, fields[f].keySlot(ofLevel: outcome.level) != nil else {
            return (base, 0)
        }
        // u of agreeing on this very value is its frequency. A value shared by very many records (an agent's phone,
        // a placeholder date) may fall to 0 but an agreement never counts against a pair; a rare value may add at
        // most `maximumBoost` bits, because frequencies counted on a sample overstate rarity.
        let adjusted = log2(model.fields[f].m[outcome.level] / outcome.frequency)
        let bounded = max(min(adjusted, base + maximumBoost), min(base, 0))
        return (bounded, bounded - base)
    }

    /// The total match weight of a pair.
    func score(_ a: borrowing PreparedRecord, _ b: borrowing PreparedRecord, scratch: inout DistanceScratch) -> Double {
        var total = 0.0
        for f in fields.indices {
            let outcome = fields[f].compare(a, b, field: f, scratch: &scratch)
            if outcome.level != 0 { total += weight(field: f, outcome).weight }
        }
        return total
    }
}

extension [CompiledField] {
    /// The level vector of a pair packed four bits per field, the key the estimators count patterns by.
    func pattern(_ a: borrowing PreparedRecord, _ b: borrowing PreparedRecord, scratch: inout DistanceScratch) -> UInt64 {
        var packed: UInt64 = 0
        for f in indices {
            let outcome = self[f].compare(a, b, field: f, scratch: &scratch)
            packed |= UInt64(outcome.level) << UInt64(4 * f)
        }
        return packed
    }
}

extension UInt64 {
    /// The level of field `f` in a packed pattern.
    func level(ofField f: Int) -> Int { Int((self >> UInt64(4 * f)) & 0xF) }
}
