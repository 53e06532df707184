import EventFeed
import Models
import ScoringAPI
@testable import ScoringService
import Testing
import WireCodec

/// Scoring's feed events are written to protobuf by hand for speed (`ScoreEventBytes`); the payloads must be the
/// codec's (protobuf-c's), which every consumer decodes, for events of every shape.
struct ScoreEventBytesTests {
    private static let value = ScoreCardBytesTests.full.value

    private static func same<Event: WireMessage>(_ event: Event, _ encoded: EncodedEvent) throws -> Bool {
        encoded == (try EncodedEvent(event, subject: "C0000001"))
    }

    @Test(arguments: ScoreTrigger.allCases)
    func scoreChangedIsWrittenAsTheCodecWritesIt(trigger: ScoreTrigger) throws {
        var lower = Self.value
        lower.valueScore = 0
        lower.tier = .unspecified
        lower.annualisedPremium = Money(minorUnits: 0, currency: "")
        for event in [ScoreChanged(previous: nil, current: Self.value, trigger: trigger),
                      ScoreChanged(previous: lower, current: Self.value, trigger: trigger),
                      ScoreChanged(previous: Self.value, current: CustomerValue(), trigger: trigger)] {
            #expect(try Self.same(event, ScoreEventBytes.encode(event, subject: "C0000001")), "\(event)")
        }
    }

    @Test func tierChangedIsWrittenAsTheCodecWritesIt() throws {
        let events = [
            TierChanged(customerCode: "C0000001", fromTier: .unspecified, toTier: .diamond, fromLayer: .unspecified,
                        toLayer: .top, potential: true, previousValueScore: 0, valueScore: 91.5, trigger: .rescoreAll,
                        reason: "first tier", ruleSet: RuleSetRef(ruleSetId: "life-template", version: 2)),
            TierChanged(customerCode: "C0000001", fromTier: .gold, toTier: .basic, fromLayer: .middle,
                        toLayer: .base, potential: false, previousValueScore: -0.0, valueScore: 12,
                        trigger: .unspecified, reason: "", ruleSet: RuleSetRef()),
        ]
        for event in events {
            #expect(try Self.same(event, ScoreEventBytes.encode(event, subject: "C0000001")), "\(event)")
        }
    }

    @Test func vipEventsAreWrittenAsTheCodecWritesThem() throws {
        for since in [CalendarDate(year: 2020, month: 3, day: 1), nil] {
            let entered = VipEntered(customerCode: "C0000001", vipSince: since, continuousTenureMonths: 61)
            #expect(try Self.same(entered, ScoreEventBytes.encode(entered, subject: "C0000001")))
        }
        for left in [VipLeft(customerCode: "C0000001", reason: "merged", continuousTenureMonths: 0),
                     VipLeft(customerCode: "", reason: "", continuousTenureMonths: -3)] {
            #expect(try Self.same(left, ScoreEventBytes.encode(left, subject: "C0000001")))
        }
    }
}
