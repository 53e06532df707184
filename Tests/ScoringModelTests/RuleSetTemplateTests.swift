import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct RuleSetTemplateTests {
    @Test(arguments: [ProductLine.life, .health, .auto, .property])
    func eachTemplatePassesItsOwnValidation(line: ProductLine) throws {
        let template = try #require(RuleSetTemplates.template(for: line))
        #expect(RuleSetValidation(template).problems == [])
        #expect(template.fromTemplate == line)
        #expect(template.ruleSetId == "")
        #expect(template.version == 0)
        #expect(template.status == .draft)
    }

    @Test func otherLinesHaveNoTemplate() {
        #expect(RuleSetTemplates.template(for: .accident) == nil)
        #expect(RuleSetTemplates.template(for: .unspecified) == nil)
        #expect(RuleSetTemplates.productLines == [.life, .health, .auto, .property])
    }

    @Test func thePyramidCutsAtOneAndThreeTimesTheAverage() throws {
        // Premium contribution 3.5 → top, 3 → middle, 1 → middle, 0.99 → base, under the life template.
        let template = try #require(RuleSetTemplates.template(for: .life))
        for (contribution, layer) in [(3.5, PyramidLayer.top), (3, .middle), (1, .middle), (0.99, .base)] {
            let evaluation = RuleSetEvaluation(
                ruleSet: template, assessment: RuleSetFixture.assessment(contribution: contribution),
                book: RuleSetFixture.book, standing: nil, now: RuleSetFixture.dayTime(0), trigger: .event)
            #expect(evaluation.scoreCard.value.layer == layer, "\(contribution)")
        }
    }

    @Test func aCustomerWithNothingIsBasicUnderTheLifeTemplate() throws {
        // No premium, CLV, renewal, tenure, lines, services, referrals or channels, and no claims ratio: every
        // component is 0 (the claims ratio is absent, so lower-is-better adds nothing either) → 0 points → basic.
        let template = try #require(RuleSetTemplates.template(for: .life))
        let evaluation = RuleSetEvaluation(ruleSet: template, assessment: RuleSetFixture.assessment(),
                                           book: RuleSetFixture.book, standing: nil, now: RuleSetFixture.dayTime(0),
                                           trigger: .event)
        #expect(evaluation.scoreCard.value.valueScore == 0)
        #expect(evaluation.scoreCard.value.tier == .basic)
        #expect(!evaluation.scoreCard.value.potential)
    }
}
