import Models
import RPC
import ScoringAPI
import ServiceAPI
import Testing
import WireCodec

/// `ScoringAPI` names exactly the rpcs of the Scoring service, with their types, and retries only what is safe.
@Suite struct ScoringMethodsTests {
    @Test func methodsAreTheRPCsOfTheServiceInOrder() throws {
        let service = try #require(WireSchema.service(named: ScoringAPI.service), "no \(ScoringAPI.service)")
        #expect(service.methods.count == 14)
        #expect(ScoringAPI.methods.map(\.path) == service.methods.map(\.path))
        for (method, proto) in zip(ScoringAPI.methods, service.methods) {
            #expect(method.requestType == proto.inputType, "\(proto.path)")
            #expect(method.responseType == proto.outputType, "\(proto.path)")
        }
    }

    @Test func onlyTheMethodsThatMakeSomethingNewAreNotIdempotent() {
        // The proto marks these four "Changes state."; rescoring one customer changes state too, but a second call
        // computes the same card from the same facts, so a retry is safe.
        let notIdempotent = ScoringAPI.methods.filter { !$0.isIdempotent }.map(\.path)
        #expect(notIdempotent == [
            "/clm.scoring.v1.Scoring/SaveRuleSet", "/clm.scoring.v1.Scoring/ActivateRuleSet",
            "/clm.scoring.v1.Scoring/StartRescoreAll",
        ])
        #expect(ScoringAPI.rescoreCustomer.isIdempotent)
    }

    @Test func staticMethodsAreTheOnesListed() {
        #expect(ScoringAPI.getScoreCard.path == "/clm.scoring.v1.Scoring/GetScoreCard")
        #expect(ScoringAPI.dryRunRuleSet.path == "/clm.scoring.v1.Scoring/DryRunRuleSet")
        #expect(ScoringAPI.getRescoreStatus.path == "/clm.scoring.v1.Scoring/GetRescoreStatus")
        #expect(ScoringAPI.methods.contains(MethodSignature(ScoringAPI.listVipCustomers)))
        #expect(ScoringAPI.methods.contains(MethodSignature(ScoringAPI.activateRuleSet)))
        #expect(Set(ScoringAPI.methods).count == ScoringAPI.methods.count)
    }

    @Test func feedEventTypesAreThePayloadsTheProtoAnnounces() {
        // scoring.proto's header: "Feed: ScoreChanged, TierChanged, VipEntered, VipLeft, RuleSetActivated; and,
        // relayed for lifecycle, clm.common.v1.CustomerActivity and clm.common.v1.CustomerCodesChanged".
        #expect(ScoringAPI.feedEventTypes == [
            "clm.scoring.v1.ScoreChanged", "clm.scoring.v1.TierChanged", "clm.scoring.v1.VipEntered",
            "clm.scoring.v1.VipLeft", "clm.scoring.v1.RuleSetActivated", "clm.common.v1.CustomerActivity",
            "clm.common.v1.CustomerCodesChanged",
        ])
        for type in ScoringAPI.feedEventTypes {
            #expect(WireSchema.message(named: type) != nil, "\(type)")
        }
    }
}
