/// The Swift side of `clm.scoring.v1`: its messages, enums and methods, and the event types of scoring's feed.
///
/// The messages and enums are top-level types of this module; this enum holds the service's methods
/// (`ScoringMethods.swift`) and the aliases below.
public enum ScoringAPI {}

extension ScoringAPI {
    // A type named like its module hides the module's name: `ScoringAPI.Metric` looks in this enum, not the module.
    // ScoringModel has types of the same names as these messages (the domain values they are mapped from); these let
    // code that imports both write `ScoringAPI.Metric`. `ScoringAPI::Metric` works for every type of the module.

    /// The proto's `Metric` (ScoringModel has its own).
    public typealias Metric = ScoringAPI::Metric
    /// The proto's `SegmentDimension` (ScoringModel has its own).
    public typealias SegmentDimension = ScoringAPI::SegmentDimension
    /// The proto's `CustomerMetrics` (ScoringModel has its own).
    public typealias CustomerMetrics = ScoringAPI::CustomerMetrics
    /// The proto's `InsuranceRfm` (ScoringModel has its own).
    public typealias InsuranceRfm = ScoringAPI::InsuranceRfm
    /// The proto's `RfmBands` (ScoringModel has its own).
    public typealias RfmBands = ScoringAPI::RfmBands
    /// The proto's `ClvEstimate` (ScoringModel has its own).
    public typealias ClvEstimate = ScoringAPI::ClvEstimate
    /// The proto's `ClvAssumptions` (ScoringModel has its own).
    public typealias ClvAssumptions = ScoringAPI::ClvAssumptions
    /// The proto's `LapseRate` (ScoringModel has its own).
    public typealias LapseRate = ScoringAPI::LapseRate
    /// The proto's `MarginRate` (ScoringModel has its own).
    public typealias MarginRate = ScoringAPI::MarginRate
    /// The proto's `RiskAssessment` (ScoringModel has its own).
    public typealias RiskAssessment = ScoringAPI::RiskAssessment
    /// The proto's `RiskGradeBand` (ScoringModel has its own).
    public typealias RiskGradeBand = ScoringAPI::RiskGradeBand
    /// The proto's `LoyaltyAssessment` (ScoringModel has its own).
    public typealias LoyaltyAssessment = ScoringAPI::LoyaltyAssessment
}
