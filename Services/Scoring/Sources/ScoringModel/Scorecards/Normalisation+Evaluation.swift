import Foundation
public import ScoringAPI

extension Normalisation {
    /// LINEAR between two numbers (money metrics take `linear(floor:cap:)` with amounts).
    public static func linear(floor: Double, cap: Double, lowerIsBetter: Bool = false) -> Normalisation {
        linear(floor: Threshold(number: floor), cap: Threshold(number: cap), lowerIsBetter: lowerIsBetter)
    }

    /// LINEAR between two thresholds.
    public static func linear(floor: Threshold, cap: Threshold, lowerIsBetter: Bool = false) -> Normalisation {
        Normalisation(method: .linear, floor: floor, cap: cap, lowerIsBetter: lowerIsBetter)
    }

    /// LOG between two thresholds.
    public static func log(floor: Threshold, cap: Threshold, lowerIsBetter: Bool = false) -> Normalisation {
        Normalisation(method: .log, floor: floor, cap: cap, lowerIsBetter: lowerIsBetter)
    }

    /// BANDS at ascending edges.
    public static func bands(_ edges: [Threshold], lowerIsBetter: Bool = false) -> Normalisation {
        Normalisation(method: .bands, bandEdges: edges, lowerIsBetter: lowerIsBetter)
    }

    /// PERCENTILE in the book.
    public static func percentile(lowerIsBetter: Bool = false) -> Normalisation {
        Normalisation(method: .percentile, lowerIsBetter: lowerIsBetter)
    }

    /// A raw value mapped onto 0–1 (`1 − x` when lower is better). An absent value gives 0 whichever way is
    /// better: nothing known, nothing added. Money is compared in minor units.
    /// - LINEAR (and UNSPECIFIED, which validation reports): `x = clip((raw − floor) / (cap − floor), 0, 1)`;
    ///   with `cap ≤ floor`, 1 at or above the cap, else 0.
    /// - LOG: `x = clip(ln(1 + raw − floor) / ln(1 + cap − floor), 0, 1)`, 0 at or below the floor: the shape
    ///   of a logarithm, defined from a floor of 0 (a premium of nothing) upwards.
    /// - BANDS: `x = edges at or below raw / edge count` — below the first edge 0, at or above the last 1,
    ///   even steps between; no edges give 0.
    /// - PERCENTILE: the mid-rank of raw among the book's values,
    ///   `(values below + values equal / 2) / count` (`MetricDistribution.percentileRank`); 0 without a
    ///   distribution of the metric.
    /// - Parameters:
    ///   - value: the customer's raw value.
    ///   - distribution: the book's values of the metric (PERCENTILE only).
    public func normalised(_ value: MetricValue?, distribution: MetricDistribution? = nil) -> Double {
        guard let raw = value?.numeric else { return 0 }
        let x: Double
        switch method {
        case .linear, .unspecified:
            let low = floor.numeric ?? 0
            let high = cap.numeric ?? 0
            x = high > low ? min(1, max(0, (raw - low) / (high - low))) : (raw >= high ? 1 : 0)
        case .log:
            let low = floor.numeric ?? 0
            let high = cap.numeric ?? 0
            x = raw <= low ? 0 : high > low ? min(1, Foundation.log1p(raw - low) / Foundation.log1p(high - low)) : 1
        case .bands:
            let edges = bandEdges.compactMap(\.numeric)
            x = edges.isEmpty ? 0 : Double(edges.lazy.filter { $0 <= raw }.count) / Double(edges.count)
        case .percentile:
            x = distribution?.percentileRank(of: raw) ?? 0
        }
        return lowerIsBetter ? 1 - x : x
    }
}
