public import ScoringAPI

/// What scoring one customer needs to know about the whole book: segment averages for premium contribution,
/// the RFM band edges, and the distributions of the metrics normalised by percentile. Measured once per batch,
/// then shared by every customer's assessment and rule-set evaluation.
public struct BookStatistics: Sendable, Hashable, Codable {
    public var segmentation: PremiumSegmentation
    public var segmentAverages: SegmentAverages
    public var rfmBands: RfmBands
    /// Empty until measured from assessments (`MetricDistributions(of:over:)`): a percentile needs every
    /// customer's value first.
    public var distributions: MetricDistributions

    public init(segmentation: PremiumSegmentation, segmentAverages: SegmentAverages, rfmBands: RfmBands,
                distributions: MetricDistributions = MetricDistributions()) {
        self.segmentation = segmentation
        self.segmentAverages = segmentAverages
        self.rfmBands = rfmBands
        self.distributions = distributions
    }

    private enum CodingKeys: String, CodingKey {
        case segmentation, segmentAverages, rfmBands, distributions
    }

    /// Decodes statistics stored before `distributions` existed as having none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(segmentation: try container.decode(PremiumSegmentation.self, forKey: .segmentation),
                  segmentAverages: try container.decode(SegmentAverages.self, forKey: .segmentAverages),
                  rfmBands: try container.decode(RfmBands.self, forKey: .rfmBands),
                  distributions: try container.decodeIfPresent(MetricDistributions.self, forKey: .distributions)
                      ?? MetricDistributions())
    }

    /// Measures a book held in memory (`BookMeasurement` over the array): every customer's annualised premium
    /// into its segment's average, and quintile RFM edges (`BookQuantiles.rfmBands`).
    /// - Parameters:
    ///   - book: every customer's facts.
    ///   - settings: the day and look-back they are measured with.
    ///   - segmentation: how premium segments are cut.
    public static func measure(_ book: [CustomerFacts], settings: MetricSettings,
                               segmentation: PremiumSegmentation = PremiumSegmentation()) -> BookStatistics {
        var measurement = BookMeasurement(settings: settings, segmentation: segmentation)
        for facts in book { measurement.add(facts) }
        return measurement.statistics()
    }
}
