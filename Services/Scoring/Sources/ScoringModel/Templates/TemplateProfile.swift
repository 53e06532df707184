import Models

/// What the templates of the four lines differ in: value and risk weights, the amounts premium, CLV and claim
/// severity are scaled to, tier cuts, and the line's CLV horizon, lapse and margin.
struct TemplateProfile {
    struct ValueWeights {
        var premium, clv, renewal, tenure, holding, claims, services, referrals, engagement: Double
    }

    struct RiskWeights {
        var frequency, severity, fraud, occupation, habits: Double
    }

    var line: ProductLine
    var description: String
    var weights: ValueWeights
    /// Annualised premium and CLV reaching the whole component, in yuan.
    var premiumCapYuan: Int64
    var clvCapYuan: Int64
    /// Claims ratio at which the component is 0.
    var claimsRatioCap: Double
    /// Value score at which diamond, gold and standard start.
    var tierCuts: (diamond: Double, gold: Double, standard: Double)
    var riskWeights: RiskWeights
    /// Claims per policy-year, and yuan per claim, reaching the whole risk component.
    var claimFrequencyCap: Double
    var severityCapYuan: Int64
    var horizonYears: Int32
    var lapseRate: Double
    var marginRate: Double

    static func of(_ line: ProductLine) -> TemplateProfile? {
        switch line {
        case .life: life
        case .health: health
        case .auto: auto
        case .property: property
        default: nil
        }
    }

    /// Long-term business: premium, CLV and tenure weigh most; 30 years projected.
    static let life = TemplateProfile(
        line: .life, description: "Life (寿险) template: long-term value, tenure and cross-holding",
        weights: ValueWeights(premium: 0.25, clv: 0.20, renewal: 0.15, tenure: 0.10, holding: 0.10, claims: 0.05,
                              services: 0.05, referrals: 0.05, engagement: 0.05),
        premiumCapYuan: 50_000, clvCapYuan: 300_000, claimsRatioCap: 1, tierCuts: (80, 60, 35),
        riskWeights: RiskWeights(frequency: 0.30, severity: 0.20, fraud: 0.25, occupation: 0.15, habits: 0.10),
        claimFrequencyCap: 1, severityCapYuan: 50_000, horizonYears: 30, lapseRate: 0.05, marginRate: 0.12)

    /// Yearly renewed cover with frequent claims: renewal and claims ratio weigh more; 10 years projected.
    static let health = TemplateProfile(
        line: .health, description: "Health (健康险) template: renewal, claims experience and service use",
        weights: ValueWeights(premium: 0.20, clv: 0.15, renewal: 0.20, tenure: 0.10, holding: 0.05, claims: 0.15,
                              services: 0.05, referrals: 0.05, engagement: 0.05),
        premiumCapYuan: 20_000, clvCapYuan: 100_000, claimsRatioCap: 1, tierCuts: (80, 60, 35),
        riskWeights: RiskWeights(frequency: 0.30, severity: 0.25, fraud: 0.25, occupation: 0.05, habits: 0.15),
        claimFrequencyCap: 2, severityCapYuan: 100_000, horizonYears: 10, lapseRate: 0.12, marginRate: 0.10)

    /// One-year motor cover: renewal and claims ratio decide; 5 years projected.
    static let auto = TemplateProfile(
        line: .auto, description: "Auto (车险) template: renewal and claims experience",
        weights: ValueWeights(premium: 0.20, clv: 0.10, renewal: 0.25, tenure: 0.10, holding: 0.05, claims: 0.20,
                              services: 0.05, referrals: 0.025, engagement: 0.025),
        premiumCapYuan: 15_000, clvCapYuan: 30_000, claimsRatioCap: 1.5, tierCuts: (75, 55, 30),
        riskWeights: RiskWeights(frequency: 0.40, severity: 0.30, fraud: 0.20, occupation: 0.05, habits: 0.05),
        claimFrequencyCap: 2, severityCapYuan: 30_000, horizonYears: 5, lapseRate: 0.25, marginRate: 0.05)

    /// Home and commercial property: premium and renewal weigh most; 5 years projected.
    static let property = TemplateProfile(
        line: .property, description: "Property (财产险) template: premium, renewal and claims experience",
        weights: ValueWeights(premium: 0.25, clv: 0.10, renewal: 0.20, tenure: 0.10, holding: 0.05, claims: 0.15,
                              services: 0.05, referrals: 0.05, engagement: 0.05),
        premiumCapYuan: 30_000, clvCapYuan: 60_000, claimsRatioCap: 1, tierCuts: (75, 55, 30),
        riskWeights: RiskWeights(frequency: 0.35, severity: 0.35, fraud: 0.20, occupation: 0.05, habits: 0.05),
        claimFrequencyCap: 1, severityCapYuan: 200_000, horizonYears: 5, lapseRate: 0.15, marginRate: 0.08)
}
