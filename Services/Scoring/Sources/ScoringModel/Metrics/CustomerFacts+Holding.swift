public import Models

extension CustomerFacts {
    /// Policy count (METRIC_POLICY_COUNT, cross-holding 交叉持有): held policies in force on `asOf`.
    public func policyCount(asOf: CalendarDate) -> Int {
        policiesInForce(on: asOf).count
    }

    /// Product lines of the held policies in force on `asOf`, each once, in the proto's order; an unspecified
    /// line is left out.
    public func productLines(asOf: CalendarDate) -> [ProductLine] {
        let lines = Set(policiesInForce(on: asOf).map(\.productLine))
        return ProductLine.allCases.filter { $0 != .unspecified && lines.contains($0) }
    }

    /// Product-line breadth (METRIC_PRODUCT_LINE_COUNT): `productLines(asOf:).count`.
    public func productLineCount(asOf: CalendarDate) -> Int {
        productLines(asOf: asOf).count
    }
}
