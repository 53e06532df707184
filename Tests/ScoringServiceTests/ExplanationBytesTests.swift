import Models
import NIOCore
import ScoringAPI
@testable import ScoringService
import Testing
import WireCodec

/// Explanations are written to protobuf by hand for speed (`ExplanationBytes`); the bytes must be protobuf-c's, the
/// codec's, for every metric and every shape of value, or a card stored by one would never compare equal to the same
/// card written by the other.
struct ExplanationBytesTests {
    private static func codecBytes(_ explanation: ScoreExplanation) throws -> [UInt8] {
        Array(try WireCodec.encode(explanation).readableBytesView)
    }

    @Test(arguments: Metric.allCases)
    func everyMetricIsWrittenAsTheCodecWritesIt(metric: Metric) throws {
        let explanation = ScoreExplanation(components: [
            ScoreComponent(scorecard: "value", metric: metric, rawValue: Threshold(number: 12.5), normalised: 0.25,
                           weight: 0.4, contribution: 10),
        ])
        #expect(ExplanationBytes.encode(explanation) == (try Self.codecBytes(explanation)))
    }

    @Test func everyShapeOfValueIsWrittenAsTheCodecWritesIt() throws {
        let shapes: [Threshold] = [
            Threshold(), Threshold(number: 0), Threshold(number: -0.0), Threshold(number: -3.75),
            Threshold(number: 1e300), Threshold(amount: Money(minorUnits: 0, currency: "")),
            Threshold(amount: Money(minorUnits: -1_234_567, currency: "CNY")),
            Threshold(amount: Money(minorUnits: Int64.max, currency: "USD")),
            Threshold(amount: Money(minorUnits: 150, currency: "")),
        ]
        for shape in shapes {
            for (normalised, weight, contribution) in [(0.0, 0.0, 0.0), (1.0, 0.5, 50.0), (-0.0, 1e-9, -2.5)] {
                let explanation = ScoreExplanation(
                    components: [ScoreComponent(scorecard: "", metric: .clv, rawValue: shape, normalised: normalised,
                                                weight: weight, contribution: contribution)],
                    rulesFired: [], summary: "")
                #expect(ExplanationBytes.encode(explanation) == (try Self.codecBytes(explanation)), "\(explanation)")
            }
        }
    }

    /// A component of each scorecard, metric and kind of value, by index.
    private static func component(_ index: Int) -> ScoreComponent {
        let scorecard = ["value", "risk", "loyalty"][index % 3]
        let value = index % 2 == 0 ? Threshold(number: Double(index) / 7)
            : Threshold(amount: Money(minorUnits: Int64(index) * 99_999, currency: "CNY"))
        let share = Double(index)
        return ScoreComponent(scorecard: scorecard, metric: Metric.allCases[index * 2 % Metric.allCases.count],
                              rawValue: value, normalised: share / 11, weight: 1.0 / 12, contribution: share * 0.75)
    }

    @Test func wholeExplanationsAreWrittenAsTheCodecWritesThem() throws {
        let components = (0..<12).map(Self.component)
        let rules = [
            RuleFired(ruleId: "gold", description: "价值分 ≥ 70 and premium ≥ 1×", effect: "tier GOLD"),
            RuleFired(ruleId: "hysteresis", description: "", effect: "kept GOLD (within margin)"),
            RuleFired(),
        ]
        let summary = String(repeating: "Value score 72.4 (gold ≥ 70); 钻石 needs 85. ", count: 20)
        for explanation in [ScoreExplanation(), ScoreExplanation(summary: summary),
                            ScoreExplanation(components: components, rulesFired: rules, summary: summary)] {
            let bytes = ExplanationBytes.encode(explanation)
            #expect(bytes == (try Self.codecBytes(explanation)))
            #expect(try WireCodec.decode(ScoreExplanation.self, from: ByteBuffer(bytes: bytes)) == explanation)
        }
    }
}
