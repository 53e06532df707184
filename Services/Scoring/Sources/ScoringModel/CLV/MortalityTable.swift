/// A mortality table: q_x, the probability that a life aged x dies before x + 1, by age and sex.
public struct MortalityTable: Sendable, Hashable, Codable {
    /// The name assumptions refer to it by, e.g. "CL2013-non-annuity-I".
    public var name: String
    /// The age of the first rate.
    public var firstAge: Int
    /// q_x for x = firstAge, firstAge + 1, ...
    public var maleRates: [Double]
    public var femaleRates: [Double]

    /// A table from rates (both lists the same length, each rate 0–1; `MortalityTable(csv:name:)` checks a file).
    public init(name: String, firstAge: Int, maleRates: [Double], femaleRates: [Double]) {
        self.name = name
        self.firstAge = firstAge
        self.maleRates = maleRates
        self.femaleRates = femaleRates
    }

    /// The last age with a rate.
    public var lastAge: Int { firstAge + min(maleRates.count, femaleRates.count) - 1 }

    /// q_x for `sex`: below the first age, the first age's rate; past the last age, 1 (nobody outlives the
    /// table). An unspecified sex takes the mean of the male and female rates.
    public func rate(age: Int, sex: DeclaredProfile.Sex) -> Double {
        guard age <= lastAge else { return 1 }
        let index = max(0, age - firstAge)
        switch sex {
        case .male: return maleRates[index]
        case .female: return femaleRates[index]
        case .unspecified: return (maleRates[index] + femaleRates[index]) / 2
        }
    }

    /// ₜpₓ: the probability that a life aged `age` survives `years` more years, `Π (1 − q_{age+k})` for
    /// k = 0 ..< years.
    public func survival(age: Int, sex: DeclaredProfile.Sex, years: Int) -> Double {
        (0 ..< max(0, years)).reduce(1.0) { $0 * (1 - rate(age: age + $1, sex: sex)) }
    }
}
