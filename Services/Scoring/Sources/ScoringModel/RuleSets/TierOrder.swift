import Models

extension CustomerTier {
    /// The proto's number: 0 unspecified, basic 1 ... diamond 4 (METRIC_TIER's value).
    var number: Int { CustomerTier.allCases.firstIndex(of: self) ?? 0 }

    /// "GOLD" for CUSTOMER_TIER_GOLD.
    var shortName: String { String(rawValue.dropFirst("CUSTOMER_TIER_".count)) }
}

extension PyramidLayer {
    /// The proto's number: 0 unspecified, base 1, middle 2, top 3.
    var number: Int { PyramidLayer.allCases.firstIndex(of: self) ?? 0 }

    /// "TOP" for PYRAMID_LAYER_TOP.
    var shortName: String { String(rawValue.dropFirst("PYRAMID_LAYER_".count)) }
}

extension RiskGrade {
    /// "B" for RISK_GRADE_B.
    var shortName: String { String(rawValue.dropFirst("RISK_GRADE_".count)) }
}

extension ProductLine {
    /// "LIFE" for PRODUCT_LINE_LIFE.
    var shortName: String { String(rawValue.dropFirst("PRODUCT_LINE_".count)) }
}
