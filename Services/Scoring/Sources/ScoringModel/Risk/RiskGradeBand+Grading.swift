public import Models
public import ScoringAPI

extension RiskGradeBand {
    /// A from 0, B from 20, C from 40, D from 60, E from 80.
    public static let defaults: [RiskGradeBand] = [
        RiskGradeBand(grade: .a, minRiskScore: 0), RiskGradeBand(grade: .b, minRiskScore: 20),
        RiskGradeBand(grade: .c, minRiskScore: 40), RiskGradeBand(grade: .d, minRiskScore: 60),
        RiskGradeBand(grade: .e, minRiskScore: 80),
    ]

    /// The grade of the band with the highest minimum at or below `score`; unspecified when no band applies.
    public static func grade(for score: Double, bands: [RiskGradeBand]) -> RiskGrade {
        bands.filter { $0.minRiskScore <= score }.max { $0.minRiskScore < $1.minRiskScore }?.grade ?? .unspecified
    }
}
