public import Models
public import ScoringAPI

/// The book's statistics measured as customers stream past, a chunk at a time, so that a whole book need not be
/// held in memory: segment averages and the RFM quantities (`BookStatistics.measure` is this over an array).
/// Percentile distributions need every customer's assessment under these statistics, so they are measured in a
/// second pass and given to `statistics(distributions:)`.
public struct BookMeasurement: Sendable {
    public let settings: MetricSettings
    public let segmentation: PremiumSegmentation
    public private(set) var customers = 0
    private var averages: SegmentAverages
    private var intervals: [Int] = []
    private var held: [Int] = []
    private var depths: [Int] = []

    public init(settings: MetricSettings, segmentation: PremiumSegmentation = PremiumSegmentation()) {
        self.settings = settings
        self.segmentation = segmentation
        averages = SegmentAverages(currency: settings.currency)
    }

    /// Measures under a rule set: its look-back and premium segments.
    public init(asOf: CalendarDate, ruleSet: RuleSet, currency: String) {
        self.init(settings: MetricSettings(asOf: asOf, ruleSet: ruleSet, currency: currency),
                  segmentation: PremiumSegmentation(dimensions: ruleSet.premiumSegmentBy))
    }

    /// Counts one customer.
    public mutating func add(_ facts: CustomerFacts) {
        customers += 1
        averages.add(segment: segmentation.segment(of: facts, asOf: settings.asOf),
                     annualisedPremium: facts.annualisedPremium(asOf: settings.asOf, currency: settings.currency))
        if let interval = facts.renewalIntervalDays(asOf: settings.asOf) { intervals.append(interval) }
        held.append(facts.policyCount(asOf: settings.asOf))
        depths.append(facts.serviceUsageDepth(in: settings.window))
    }

    /// Counts one customer measured from their facts under these settings and segmentation (what `add(_:)` of
    /// their facts would count).
    public mutating func add(_ measured: MeasuredCustomer) {
        customers += 1
        let metrics = measured.partial.metrics
        averages.add(segment: metrics.segment, annualisedPremium: metrics.annualisedPremium)
        if let interval = measured.renewalIntervalDays { intervals.append(interval) }
        held.append(Int(metrics.policyCount))
        depths.append(Int(metrics.serviceUsageDepth))
    }

    /// Adds another measurement of other customers (measured on another core) to this one.
    public mutating func combine(_ other: BookMeasurement) {
        customers += other.customers
        for (segment, total) in other.averages.totals { averages.add(segment: segment, total: total) }
        intervals += other.intervals
        held += other.held
        depths += other.depths
    }

    /// The statistics so far: segment averages and quintile RFM edges, with the given distributions.
    public func statistics(distributions: MetricDistributions = MetricDistributions()) -> BookStatistics {
        BookStatistics(
            segmentation: segmentation, segmentAverages: averages,
            rfmBands: BookQuantiles.rfmBands(renewalIntervalDays: intervals, policiesHeld: held,
                                             serviceUsageDepths: depths),
            distributions: distributions)
    }
}
