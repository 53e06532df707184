public import Models
public import ScoringAPI

extension InsuranceRfm {
    /// The customer's insurance RFM under `bands`: R from `renewalIntervalDays(asOf:)`, F = `policyCount(asOf:)`,
    /// M = `serviceUsageDepth(in:)`, each banded 1–5 (5 best), and the code of the three bands.
    ///
    /// A customer who never bought has no renewal interval: the message, which has no presence for it, reads 0
    /// days, and the band is 1 (the worst); `CustomerFacts.renewalIntervalDays(asOf:)` keeps the absence.
    public init(facts: CustomerFacts, settings: MetricSettings, bands: RfmBands) {
        self.init(renewalIntervalDays: facts.renewalIntervalDays(asOf: settings.asOf),
                  policiesHeld: facts.policyCount(asOf: settings.asOf),
                  serviceUsageDepth: facts.serviceUsageDepth(in: settings.window), bands: bands)
    }

    /// The RFM of the three quantities, measured as above, under `bands`.
    public init(renewalIntervalDays interval: Int?, policiesHeld held: Int, serviceUsageDepth depth: Int,
                bands: RfmBands) {
        let renewalBand = Int32(RfmBands.bandLessIsBetter(interval.map(Double.init),
                                                          edges: bands.renewalIntervalDaysEdges))
        let policiesBand = Int32(RfmBands.bandMoreIsBetter(Double(held), edges: bands.policiesHeldEdges))
        let serviceBand = Int32(RfmBands.bandMoreIsBetter(Double(depth), edges: bands.serviceDepthEdges))
        self.init(renewalIntervalDays: Int32(interval ?? 0), renewalBand: renewalBand, policiesHeld: Int32(held),
                  policiesBand: policiesBand, serviceUsageDepth: Int32(depth), serviceBand: serviceBand,
                  code: "\(renewalBand)\(policiesBand)\(serviceBand)")
    }
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
