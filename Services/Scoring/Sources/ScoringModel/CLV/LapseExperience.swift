public import Models
public import ScoringAPI

/// Lapse rates per product line measured on the book's own history: `lapses / exposure`, gathered customer by
/// customer over an observation window and read once per batch.
///
/// - Exposure: the days of cover every held policy had in the window, as policy-years (`days / 365`).
/// - A lapse: a held policy whose status became lapsed or surrendered on a day in the window; or a one-year
///   policy that expired on an end date in the window and that no held policy renews (for one-year business,
///   not renewing is how a customer leaves).
/// - Rate: `lapses / policy-years`, a crude central rate taken as the annual probability, capped at 1.
public struct LapseExperience: Sendable, Hashable {
    /// Lapses and exposure of one line.
    public struct Tally: Sendable, Hashable, Codable {
        public var lapses: Int
        /// Covered policy-days in the window.
        public var exposureDays: Int

        public init(lapses: Int = 0, exposureDays: Int = 0) {
            self.lapses = lapses
            self.exposureDays = exposureDays
        }
    }

    public let window: LookbackWindow
    public private(set) var tallies: [ProductLine: Tally] = [:]

    /// An empty tally over `window` (three years is a sensible observation period).
    public init(window: LookbackWindow) {
        self.window = window
    }

    /// Adds one customer's held policies.
    public mutating func add(_ facts: CustomerFacts) {
        let held = facts.heldPolicies
        let renewed = Set(held.filter { !$0.renewalOf.isEmpty && $0.status != .declined }.map(\.renewalOf))
        for policy in held {
            let days = window.overlapDays(with: policy.coverPeriod(asOf: window.last))
            let lapsed: Bool = switch policy.status {
            case .lapsed, .surrendered:
                window.contains(policy.statusDate)
            case .expired:
                policy.isShortTerm && window.contains(policy.endDate) && !renewed.contains(policy.policyKey)
            default:
                false
            }
            guard days > 0 || lapsed else { continue }
            tallies[policy.productLine, default: Tally()].exposureDays += days
            if lapsed { tallies[policy.productLine, default: Tally()].lapses += 1 }
        }
    }

    /// The measured rate of each line with exposure, `min(1, lapses / (exposure days / 365))`, in the proto's
    /// order of lines.
    public var rates: [LapseRate] {
        ProductLine.allCases.compactMap { line in
            guard let tally = tallies[line], tally.exposureDays > 0 else { return nil }
            let rate = Double(tally.lapses) / (Double(tally.exposureDays) / 365)
            return LapseRate(productLine: line, annualRate: min(1, rate))
        }
    }
}
