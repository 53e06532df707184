// Scoring's pure parts: a customer's facts in; metrics, RFM, CLV, risk and loyalty out (`CustomerAssessment`),
// then a rule set applied to them (value score, tier, potential flag, layer, explanation), rule-set validation,
// the dry run's migration matrix and the templates per product line. No database.
//
// The vocabulary is ScoringAPI's: its enums (`Metric`, `SegmentDimension`...) and, where a result is exactly a
// proto message (`CustomerMetrics`, `InsuranceRfm`, `ClvEstimate`, `RiskAssessment`, `LoyaltyAssessment`,
// `ScoreExplanation`, `RuleProblem`, `MigrationCell`), that message, built by the extensions of this module.
// Types of this module's own (`MetricValue`, `MetricSettings`, `RiskModel`...) carry what no message does.
