import Models
import ScoringAPI

/// A ScoreCard in protobuf's wire format, written directly rather than through the codec's generic path
/// (`WireCodec.encode`): a full rescore stores a card per customer, and encoding a million of them generically was
/// the largest part of its writing in this process. The bytes are those protobuf-c writes (`ProtobufWriter`), so
/// that a card stored by either reads back the same; the tests hold this to `WireCodec.encode` for cards of every
/// shape (optional dates and amounts absent and present, oneofs set to 0, negative numbers, repeated fields).
enum ScoreCardBytes {
    static func encode(_ card: ScoreCard) -> [UInt8] {
        var writer = ProtobufWriter(capacity: 512)
        writer.message(1) { $0.customerValue(card.value) }
        writer.message(2) { $0.metrics(card.metrics) }
        writer.message(3) { $0.rfm(card.rfm) }
        writer.message(4) { $0.clv(card.clv) }
        writer.message(5) { $0.risk(card.risk) }
        writer.message(6) { $0.loyalty(card.loyalty) }
        if let explanation = card.explanation { writer.message(7, encoded: ExplanationBytes.encode(explanation)) }
        writer.int64(8, card.factsPosition)
        writer.enumeration(9, ProtoEnumNumbers.tiers.number(of: card.previousTier))
        writer.message(10) { $0.timestamp(card.tierSince) }
        return writer.bytes
    }

    fileprivate static let lines = ProtoEnumNumbers<ProductLine>()
    fileprivate static let channels = ProtoEnumNumbers<ContactChannel>()
}

private extension ProtobufWriter {
    mutating func metrics(_ metrics: CustomerMetrics) {
        message(1) { $0.money(metrics.annualisedPremium) }
        double(2, metrics.premiumContribution)
        string(3, metrics.segment)
        message(4) { $0.money(metrics.segmentAveragePremium) }
        if let rate = metrics.renewalRate { oneofDouble(5, rate) }
        if let ratio = metrics.claimsRatio { oneofDouble(6, ratio) }
        int32(7, metrics.tenureMonths)
        int32(8, metrics.continuousTenureMonths)
        if let date = metrics.firstPolicyDate { message(9) { $0.date(date) } }
        int32(10, metrics.policyCount)
        int32(11, metrics.productLineCount)
        packedEnums(12, metrics.productLines.map(ScoreCardBytes.lines.number(of:)))
        int32(13, metrics.serviceUses)
        int32(14, metrics.serviceUsageDepth)
        int32(15, metrics.referralCount)
        int32(16, metrics.interactionCount)
        int32(17, metrics.engagementChannels)
        packedEnums(18, metrics.channelsUsed.map(ScoreCardBytes.channels.number(of:)))
        if let date = metrics.lastInteractionDate { message(19) { $0.date(date) } }
    }

    mutating func rfm(_ rfm: InsuranceRfm) {
        int32(1, rfm.renewalIntervalDays)
        int32(2, rfm.renewalBand)
        int32(3, rfm.policiesHeld)
        int32(4, rfm.policiesBand)
        int32(5, rfm.serviceUsageDepth)
        int32(6, rfm.serviceBand)
        string(7, rfm.code)
    }

    mutating func clv(_ clv: ClvEstimate) {
        message(1) { $0.money(clv.clv) }
        message(2) { $0.money(clv.expectedPremium) }
        double(3, clv.survivalToHorizon)
        message(4) { $0.assumptions(clv.assumptions) }
    }

    mutating func assumptions(_ assumptions: ClvAssumptions) {
        string(1, assumptions.mortalityTable)
        double(2, assumptions.discountRate)
        for lapse in assumptions.lapseRates {
            message(3) { rate in
                rate.enumeration(1, ScoreCardBytes.lines.number(of: lapse.productLine))
                rate.double(2, lapse.annualRate)
            }
        }
        int32(4, assumptions.horizonYears)
        for margin in assumptions.marginRates {
            message(5) { rate in
                rate.enumeration(1, ScoreCardBytes.lines.number(of: margin.productLine))
                rate.double(2, margin.rate)
            }
        }
        double(6, assumptions.defaultMarginRate)
    }

    mutating func risk(_ risk: RiskAssessment) {
        enumeration(1, ProtoEnumNumbers.grades.number(of: risk.grade))
        double(2, risk.riskScore)
        int32(3, risk.claimCount)
        double(4, risk.claimFrequency)
        if let severity = risk.claimSeverity { message(5) { $0.money(severity) } }
        message(6) { $0.money(risk.claimsPaid) }
        int32(7, risk.fraudFlags)
        int32(8, risk.occupationClass)
        strings(9, risk.declaredHabits)
    }

    mutating func loyalty(_ loyalty: LoyaltyAssessment) {
        double(1, loyalty.loyaltyScore)
        int32(2, loyalty.continuousTenureMonths)
        bool(3, loyalty.vip)
        if let since = loyalty.vipSince { message(4) { $0.date(since) } }
        int32(5, loyalty.serviceUsageDepth)
        int32(6, loyalty.referralCount)
        int32(7, loyalty.engagementChannels)
    }
}
