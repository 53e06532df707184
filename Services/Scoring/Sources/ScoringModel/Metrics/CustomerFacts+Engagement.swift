public import Models

extension CustomerFacts {
    /// Uses of value-added services in the window: service usage records whose `usedOn` lies in it.
    public func serviceUses(in window: LookbackWindow) -> Int {
        serviceUsage.lazy.filter { window.contains($0.usedOn) }.count
    }

    /// Service usage depth (METRIC_SERVICE_USAGE_DEPTH): distinct services (by code, else name) used in the
    /// window.
    public func serviceUsageDepth(in window: LookbackWindow) -> Int {
        Set(serviceUsage.lazy.filter { window.contains($0.usedOn) }.map(\.serviceIdentity)).count
    }

    /// Referrals (METRIC_REFERRAL_COUNT): referral interactions in the window, one per referred customer
    /// (two records naming the same referred customer count once; a referral naming nobody counts alone).
    public func referralCount(in window: LookbackWindow) -> Int {
        Set(interactions.lazy.filter { $0.kind == .referral && window.contains($0.occurredOn) }.map { referral in
            referral.referredCustomerCode.isEmpty ? "record:" + referral.interactionKey
                : "customer:" + referral.referredCustomerCode
        }).count
    }

    /// Interactions of any kind in the window.
    public func interactionCount(in window: LookbackWindow) -> Int {
        interactions.lazy.filter { window.contains($0.occurredOn) }.count
    }

    /// Channels the customer used in the window, each once, in the proto's order; an unspecified channel is
    /// left out.
    public func channelsUsed(in window: LookbackWindow) -> [ContactChannel] {
        let used = Set(interactions.lazy.filter { window.contains($0.occurredOn) }.map(\.channel))
        return ContactChannel.allCases.filter { $0 != .unspecified && used.contains($0) }
    }

    /// Multi-channel engagement (METRIC_ENGAGEMENT_CHANNELS): `channelsUsed(in:).count`.
    public func engagementChannels(in window: LookbackWindow) -> Int {
        channelsUsed(in: window).count
    }

    /// The day of the latest interaction on or before `asOf`, however long ago.
    public func lastInteractionDate(asOf: CalendarDate) -> CalendarDate? {
        interactions.lazy.map(\.occurredOn).filter { $0 <= asOf }.max()
    }

    /// METRIC_MONTHS_SINCE_INTERACTION: whole calendar months from `lastInteractionDate` to `asOf`; absent
    /// without any interaction.
    public func monthsSinceInteraction(asOf: CalendarDate) -> Int? {
        lastInteractionDate(asOf: asOf).map { CalendarDate.wholeMonths(from: $0, to: asOf) }
    }
}
