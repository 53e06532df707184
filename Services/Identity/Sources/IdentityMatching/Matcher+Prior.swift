extension Matcher {
    /// A matcher for when no data has been fitted yet (the first records of an empty store arrive one at a time):
    /// m puts 0.9 on each field's strongest level, as EM starts; u is 1 % on the strongest level of a field with
    /// several (doubling per weaker level) and 30 % on a category's one level; one pair in 10⁴ is a match; no
    /// term-frequency adjustment, since no frequencies are known. Weak by design: fit a model on the stored
    /// records (bulk resolution with estimation) as soon as there are a few thousand.
    /// - Throws: ``MatchingError`` when the settings are invalid.
    public static func prior(settings: MatchSettings) throws(MatchingError) -> Matcher {
        try settings.validate()
        var unadjusted = settings
        unadjusted.termFrequencyAdjustment = false
        let fields = settings.fields.map { comparison -> FellegiSunterModel.Field in
            let listed = comparison.levels.count
            var m = [0.0], u = [0.0]
            for level in 0..<listed {
                m.append(level == 0 ? 0.9 : 0.08 / Double(listed))
                u.append(listed == 1 ? 0.3 : 0.01 * Double(1 << level))
            }
            m.append(max(1 - m.reduce(0, +), 0.01))
            u.append(max(1 - u.reduce(0, +), 0.01))
            return FellegiSunterModel.Field(name: comparison.field, levels: comparison.levelLabels, m: m, u: u)
        }
        let model = FellegiSunterModel(fields: fields, priorMatchProbability: 1e-4)
        let frequencies = settings.fields.map { TermFrequencyTable(slots: CompiledField($0).keySources.count) }
        return try Matcher(settings: unadjusted, model: model, termFrequencies: frequencies)
    }
}
