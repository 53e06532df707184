import Models
import ScoringAPI
import Testing
import WireCodec

/// One scoring message type with fully populated values and its default, type-erased so that a table of them can
/// drive a test.
struct ScoringSample: Sendable, CustomTestStringConvertible {
    /// Between them the values set every field of the proto; more than one only where a oneof has several members.
    let values: [any WireMessage & Hashable]
    /// What `init()` gives: the proto3 empty message.
    let empty: any WireMessage & Hashable

    var protoName: String { type(of: empty).protoName }
    var testDescription: String { protoName }

    static func of<M: WireMessage & Hashable>(_ values: M..., empty: M) -> ScoringSample {
        ScoringSample(values: values, empty: empty)
    }

    static let all: [ScoringSample] = [
        .of(Threshold.sample, Threshold.sampleAmount, empty: .init()),
        .of(Condition.sample, empty: .init()),
        .of(Normalisation.sample, empty: .init()),
        .of(WeightedComponent.sample, empty: .init()),
        .of(TierRule.sample, empty: .init()),
        .of(FlagRule.sample, empty: .init()),
        .of(LayerRule.sample, empty: .init()),
        .of(RiskGradeBand.sample, empty: .init()),
        .of(RfmBands.sample, empty: .init()),
        .of(LapseRate.sample, empty: .init()),
        .of(ClvAssumptions.sample, empty: .init()),
        .of(MarginRate.sample, empty: .init()),
        .of(Hysteresis.sample, empty: .init()),
        .of(RuleSetRef.sample, empty: .init()),
        .of(RuleSet.sample, empty: .init()),
        .of(RuleProblem.sample, empty: .init()),
        .of(CustomerMetrics.sample, empty: .init()),
        .of(InsuranceRfm.sample, empty: .init()),
        .of(ClvEstimate.sample, empty: .init()),
        .of(RiskAssessment.sample, empty: .init()),
        .of(LoyaltyAssessment.sample, empty: .init()),
        .of(ScoreComponent.sample, empty: .init()),
        .of(RuleFired.sample, empty: .init()),
        .of(ScoreExplanation.sample, empty: .init()),
        .of(ScoreCard.sample, empty: .init()),
        .of(GetScoreCardRequest.sample, empty: .init()),
        .of(GetScoreCardResponse.sample, empty: .init()),
        .of(RescoreCustomerRequest.sample, empty: .init()),
        .of(RescoreCustomerResponse.sample, empty: .init()),
        .of(ListCustomersRequest.sample, empty: .init()),
        .of(ListCustomersResponse.sample, empty: .init(page: SampleBook.absentPage)),
        .of(GetTierDistributionRequest.sample, empty: .init()),
        .of(TierCount.sample, empty: .init()),
        .of(LayerCount.sample, empty: .init()),
        .of(GetTierDistributionResponse.sample, empty: .init()),
        .of(GetRuleSetTemplateRequest.sample, empty: .init()),
        .of(GetRuleSetTemplateResponse.sample, empty: .init()),
        .of(SaveRuleSetRequest.sample, empty: .init()),
        .of(SaveRuleSetResponse.sample, empty: .init()),
        .of(GetRuleSetRequest.sample, empty: .init()),
        .of(GetRuleSetResponse.sample, empty: .init()),
        .of(ListRuleSetsRequest.sample, empty: .init()),
        .of(ListRuleSetsResponse.sample, empty: .init(page: SampleBook.absentPage)),
        .of(ValidateRuleSetRequest.sample, ValidateRuleSetRequest.sampleStored, empty: .init()),
        .of(ValidateRuleSetResponse.sample, empty: .init()),
        .of(DryRunRuleSetRequest.sample, DryRunRuleSetRequest.sampleStored, empty: .init()),
        .of(MigrationCell.sample, empty: .init()),
        .of(DryRunRuleSetResponse.sample, empty: .init()),
        .of(ActivateRuleSetRequest.sample, empty: .init()),
        .of(ActivateRuleSetResponse.sample, empty: .init()),
        .of(ListVipCustomersRequest.sample, empty: .init()),
        .of(VipEntry.sample, empty: .init()),
        .of(ListVipCustomersResponse.sample, empty: .init(page: SampleBook.absentPage)),
        .of(StartRescoreAllRequest.sample, empty: .init()),
        .of(StartRescoreAllResponse.sample, empty: .init()),
        .of(GetRescoreStatusRequest.sample, empty: .init()),
        .of(GetRescoreStatusResponse.sample, empty: .init()),
        .of(ScoreChanged.sample, empty: .init()),
        .of(TierChanged.sample, empty: .init()),
        .of(VipEntered.sample, empty: .init()),
        .of(VipLeft.sample, empty: .init()),
        .of(RuleSetActivated.sample, empty: .init()),
    ]
}

/// One Swift enum of a scoring.proto enum, type-erased: the proto enum's full name and the Swift cases in order.
struct ScoringEnumSample: Sendable, CustomTestStringConvertible {
    let protoName: String
    /// Each case's Swift name and raw value.
    let cases: [(name: String, rawValue: String)]

    var testDescription: String { protoName }

    static func of<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ protoName: String) -> ScoringEnumSample
    where E.RawValue == String {
        ScoringEnumSample(protoName: protoName, cases: E.allCases.map { ("\($0)", $0.rawValue) })
    }

    /// In the order of scoring.proto.
    static let all: [ScoringEnumSample] = [
        .of(Metric.self, "clm.scoring.v1.Metric"),
        .of(Comparison.self, "clm.scoring.v1.Comparison"),
        .of(NormalisationMethod.self, "clm.scoring.v1.NormalisationMethod"),
        .of(RuleSetStatus.self, "clm.scoring.v1.RuleSetStatus"),
        .of(SegmentDimension.self, "clm.scoring.v1.SegmentDimension"),
        .of(RuleProblemKind.self, "clm.scoring.v1.RuleProblemKind"),
        .of(ProblemSeverity.self, "clm.scoring.v1.ProblemSeverity"),
        .of(ScoreTrigger.self, "clm.scoring.v1.ScoreTrigger"),
        .of(CustomerOrder.self, "clm.scoring.v1.CustomerOrder"),
    ]
}
