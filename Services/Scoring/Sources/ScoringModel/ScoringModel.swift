/// Scoring's pure parts: a customer's facts in; metrics, CLV, risk and loyalty out. No database, no wire.
///
/// Several types share their names with the `ScoringAPI` messages they will be mapped onto (`Metric`,
/// `CustomerMetrics`, `InsuranceRfm`, `ClvEstimate`...). Where both modules are imported, name these as
/// `ScoringModel.CustomerMetrics`: the aliases below make that spelling reach the module's types even though
/// this enum shadows the module's name.
public enum ScoringModel {
    public typealias Metric = ScoringModel::Metric
    public typealias MetricValue = ScoringModel::MetricValue
    public typealias CustomerMetrics = ScoringModel::CustomerMetrics
    public typealias InsuranceRfm = ScoringModel::InsuranceRfm
    public typealias RfmBands = ScoringModel::RfmBands
    public typealias ClvEstimate = ScoringModel::ClvEstimate
    public typealias ClvAssumptions = ScoringModel::ClvAssumptions
    public typealias LapseRate = ScoringModel::LapseRate
    public typealias MarginRate = ScoringModel::MarginRate
    public typealias RiskAssessment = ScoringModel::RiskAssessment
    public typealias RiskGradeBand = ScoringModel::RiskGradeBand
    public typealias LoyaltyAssessment = ScoringModel::LoyaltyAssessment
    public typealias SegmentDimension = ScoringModel::SegmentDimension
}
