public import Models

/// Annual probability that a policy of a line lapses (scoring.proto `LapseRate`).
public struct LapseRate: Sendable, Hashable, Codable {
    public var productLine: ProductLine
    /// 0–1.
    public var annualRate: Double

    public init(productLine: ProductLine, annualRate: Double) {
        self.productLine = productLine
        self.annualRate = annualRate
    }
}

/// Expected margin as a share of premium, for a line (scoring.proto `MarginRate`).
public struct MarginRate: Sendable, Hashable, Codable {
    public var productLine: ProductLine
    /// 0–1.
    public var rate: Double

    public init(productLine: ProductLine, rate: Double) {
        self.productLine = productLine
        self.rate = rate
    }
}

/// The assumptions a CLV is computed with (scoring.proto `ClvAssumptions`); part of every CLV answer.
public struct ClvAssumptions: Sendable, Hashable, Codable {
    /// The mortality table's name, e.g. "CL2013-non-annuity-I".
    public var mortalityTable: String
    /// Annual discount rate, 0–1 (0.03 = 3%).
    public var discountRate: Double
    /// Lapse rates by line; a line not listed does not lapse.
    public var lapseRates: [LapseRate]
    /// Years projected, 1–100.
    public var horizonYears: Int32
    /// Margin rates by line; lines not listed use `defaultMarginRate`.
    public var marginRates: [MarginRate]
    public var defaultMarginRate: Double

    public init(mortalityTable: String = MortalityTable.cl2013NonAnnuityI.name, discountRate: Double = 0.03,
                lapseRates: [LapseRate] = [], horizonYears: Int32 = 20, marginRates: [MarginRate] = [],
                defaultMarginRate: Double = 0.1) {
        self.mortalityTable = mortalityTable
        self.discountRate = discountRate
        self.lapseRates = lapseRates
        self.horizonYears = horizonYears
        self.marginRates = marginRates
        self.defaultMarginRate = defaultMarginRate
    }

    /// The lapse rate of `line`; 0 when not listed.
    public func lapseRate(of line: ProductLine) -> Double {
        lapseRates.first { $0.productLine == line }?.annualRate ?? 0
    }

    /// The margin rate of `line`; `defaultMarginRate` when not listed.
    public func marginRate(of line: ProductLine) -> Double {
        marginRates.first { $0.productLine == line }?.rate ?? defaultMarginRate
    }
}
