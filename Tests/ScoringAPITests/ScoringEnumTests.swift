import Models
import ScoringAPI
import Testing
import WireCodec

/// Every enum of scoring.proto has a Swift enum with exactly its values, named by the rule.
@Suite struct ScoringEnumTests {
    @Test(arguments: ScoringEnumSample.all)
    func swiftEnumHasExactlyTheProtoValuesInOrder(sample: ScoringEnumSample) throws {
        let schema = try #require(WireChecks.enumSchemas()[sample.protoName], "no field of enum \(sample.protoName)")
        #expect(sample.cases.map(\.rawValue) == schema.values.map(\.name))
        // Declaration order is number order, from 0: a case's position is its wire number.
        #expect(schema.values.map(\.number) == (0..<Int32(schema.values.count)).map { $0 })
        #expect(sample.cases.first?.name == "unspecified")
        for (name, rawValue) in sample.cases {
            #expect(WireChecks.protoValue(ofCase: name, in: sample.protoName) == rawValue, "\(name)")
        }
    }

    @Test func everyEnumOfScoringProtoHasASwiftEnum() {
        let inProtos = WireChecks.enumSchemas().keys.filter { $0.hasPrefix("clm.scoring.v1.") }
        // scoring.proto declares nine enums (counted by hand), each the type of some field.
        #expect(inProtos.count == 9)
        #expect(Set(ScoringEnumSample.all.map(\.protoName)) == Set(inProtos))
        #expect(ScoringEnumSample.all.count == 9)
    }

    @Test func caseNamesFollowTheRule() {
        // The rule the first test applies, on values whose spelling is easy to get wrong.
        #expect(WireChecks.protoValue(ofCase: "rfmRenewalBand", in: "clm.scoring.v1.Metric") ==
                "METRIC_RFM_RENEWAL_BAND")
        #expect(WireChecks.protoValue(ofCase: "weightsNotOne", in: "clm.scoring.v1.RuleProblemKind") ==
                "RULE_PROBLEM_KIND_WEIGHTS_NOT_ONE")
        #expect(WireChecks.protoValue(ofCase: "valueScoreDesc", in: "clm.scoring.v1.CustomerOrder") ==
                "CUSTOMER_ORDER_VALUE_SCORE_DESC")
        #expect("\(Metric.monthsSinceInteraction)" == "monthsSinceInteraction")
        #expect(Metric.clv.rawValue == "METRIC_CLV")
        #expect(ScoreTrigger.ruleSetActivated.rawValue == "SCORE_TRIGGER_RULE_SET_ACTIVATED")
        #expect(NormalisationMethod.log.rawValue == "NORMALISATION_METHOD_LOG")
    }

    @Test func metricTierNumbersAreTheCustomerTierValues() throws {
        // METRIC_TIER compares a tier "as its CustomerTier number": rules rely on basic < standard < gold < diamond.
        let tiers = try #require(WireChecks.enumSchemas()["clm.common.v1.CustomerTier"])
        let numbers = CustomerTier.allCases.map { tiers.number(named: $0.rawValue) }
        #expect(numbers == [0, 1, 2, 3, 4])
        #expect(CustomerTier.allCases == [.unspecified, .basic, .standard, .gold, .diamond])
    }
}
