/// What fitting produced, in a form that can be stored and read back: with the settings it was fitted under, it
/// rebuilds the same ``Matcher`` (so a service replica resolves online with the model bulk resolution estimated).
public struct MatcherParameters: Sendable, Codable {
    public var model: FellegiSunterModel
    public var termFrequencies: [TermFrequencyTable]
    /// Sorted, so that the same parameters always encode to the same bytes.
    public var stopKeys: [BlockingKey]
    /// Whether term-frequency adjustment was on (off for the prior matcher).
    public var termFrequencyAdjustment: Bool
}

extension Matcher {
    /// The parameters to store.
    public var parameters: MatcherParameters {
        MatcherParameters(model: model, termFrequencies: termFrequencies,
                          stopKeys: stopKeys.sorted { ($0.rule, $0.value) < ($1.rule, $1.value) },
                          termFrequencyAdjustment: settings.termFrequencyAdjustment)
    }

    /// Rebuilds a matcher from stored parameters and the settings they were fitted under.
    /// - Throws: ``MatchingError`` when the parameters do not fit the settings (fields or levels changed since).
    public init(settings: MatchSettings, parameters: MatcherParameters) throws(MatchingError) {
        var settings = settings
        settings.termFrequencyAdjustment = parameters.termFrequencyAdjustment
        try self.init(settings: settings, model: parameters.model, termFrequencies: parameters.termFrequencies,
                      stopKeys: Set(parameters.stopKeys))
    }
}
