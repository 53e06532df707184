public import Models
public import ScoringAPI

extension ClvAssumptions {
    /// The assumptions used when a rule set gives none: the CL2013 non-annuity table I
    /// (`MortalityTable.cl2013NonAnnuityI`), 3% discount, 20 years, no lapse, a 10% margin on every line.
    public static let standard = ClvAssumptions(
        mortalityTable: MortalityTable.cl2013NonAnnuityI.name, discountRate: 0.03, lapseRates: [], horizonYears: 20,
        marginRates: [], defaultMarginRate: 0.1)

    /// The lapse rate of `line`; 0 (never lapses) when not listed.
    public func lapseRate(of line: ProductLine) -> Double {
        lapseRates.first { $0.productLine == line }?.annualRate ?? 0
    }

    /// The margin rate of `line`; `defaultMarginRate` when not listed.
    public func marginRate(of line: ProductLine) -> Double {
        marginRates.first { $0.productLine == line }?.rate ?? defaultMarginRate
    }
}
