public import Models

/// Insurance RFM (scoring.proto `InsuranceRfm`): R = renewal interval, F = policies held, M = service usage
/// depth in place of money, each banded 1–5 (5 best).
public struct InsuranceRfm: Sendable, Hashable, Codable {
    /// Days since the last renewal or purchase; absent when the customer never bought.
    public var renewalIntervalDays: Int32?
    public var renewalBand: Int32
    public var policiesHeld: Int32
    public var policiesBand: Int32
    public var serviceUsageDepth: Int32
    public var serviceBand: Int32

    public init(renewalIntervalDays: Int32?, renewalBand: Int32, policiesHeld: Int32, policiesBand: Int32,
                serviceUsageDepth: Int32, serviceBand: Int32) {
        self.renewalIntervalDays = renewalIntervalDays
        self.renewalBand = renewalBand
        self.policiesHeld = policiesHeld
        self.policiesBand = policiesBand
        self.serviceUsageDepth = serviceUsageDepth
        self.serviceBand = serviceBand
    }

    /// The customer's RFM under `bands`: R from `renewalIntervalDays(asOf:)`, F = `policyCount(asOf:)`,
    /// M = `serviceUsageDepth(in:)`.
    public init(facts: CustomerFacts, settings: MetricSettings, bands: RfmBands) {
        let interval = facts.renewalIntervalDays(asOf: settings.asOf)
        let held = facts.policyCount(asOf: settings.asOf)
        let depth = facts.serviceUsageDepth(in: settings.window)
        self.init(
            renewalIntervalDays: interval.map { Int32($0) },
            renewalBand: Int32(RfmBands.bandLessIsBetter(interval.map(Double.init),
                                                         edges: bands.renewalIntervalDaysEdges)),
            policiesHeld: Int32(held),
            policiesBand: Int32(RfmBands.bandMoreIsBetter(Double(held), edges: bands.policiesHeldEdges)),
            serviceUsageDepth: Int32(depth),
            serviceBand: Int32(RfmBands.bandMoreIsBetter(Double(depth), edges: bands.serviceDepthEdges)))
    }

    /// The three bands as digits, R then F then M, e.g. "545".
    public var code: String { "\(renewalBand)\(policiesBand)\(serviceBand)" }
}

extension CustomerFacts {
    /// R of insurance RFM: days from the latest renewal or purchase to `asOf` — the later of the latest cover
    /// start of a held policy (new business or renewal) and the latest paid date of a renewal premium (续期), on
    /// or before `asOf`. Absent when there is neither.
    public func renewalIntervalDays(asOf: CalendarDate) -> Int? {
        let starts = heldPolicies.compactMap { $0.coverPeriod(asOf: asOf)?.lowerBound }
        let renewalPremiums = payments.filter { [.paid, .waived].contains($0.status) && isRenewalPremium($0) }
            .compactMap(\.paidDate)
        guard let latest = (starts + renewalPremiums).filter({ $0 <= asOf }).max() else { return nil }
        return CalendarDate.days(from: latest, to: asOf)
    }
}
