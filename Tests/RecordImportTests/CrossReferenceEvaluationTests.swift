import RecordImport
import Testing

@Suite struct CrossReferenceEvaluationTests {
    func csv(_ text: String) throws -> CSVReader {
        try CSVReader(source: MemoryByteSource(text))
    }

    @Test func pairwiseScoresOverTheRecordsInBoth() throws {
        let xref = """
            source_system,source_key,customer_code
            S,a1,C1
            S,a2,C1
            S,a3,C1
            S,b1,C2
            S,b2,C2
            S,c1,C3
            S,d1,C4
            S,x1,C1
            S,u1,
            S,a1,C9

            """
        let truth = """
            source_system,source_key,entity_id
            S,a1,E1
            S,a2,E1
            S,a3,E2
            S,b1,E2
            S,b2,E2
            S,c1,E3
            S,d1,E3
            S,t1,E1
            T,a1,E5

            """
        let result = try CrossReferenceEvaluation.evaluate(crossReference: csv(xref),
                                                           truth: .file(.init(reader: csv(truth))))
        // In both: a1 a2 a3 b1 b2 c1 d1. Predicted pairs: C1 {a1,a2,a3} 3 + C2 {b1,b2} 1 = 4.
        // True pairs: E1 {a1,a2} 1 + E2 {a3,b1,b2} 3 + E3 {c1,d1} 1 = 5. Both: a1-a2 and b1-b2 = 2.
        #expect(result.truePositivePairs == 2)
        #expect(result.predictedPairs == 4)
        #expect(result.truePairs == 5)
        #expect(result.precision == 0.5)
        #expect(result.recall == 0.4)
        #expect(abs(result.f1 - 4.0 / 9.0) < 1e-12)
        var expected = CrossReferenceEvaluation.Counts()
        expected.crossReferenceRecords = 8  // x1 too; u1 has no code, the second a1 repeats a key
        expected.truthRecords = 9
        expected.inBoth = 7
        expected.onlyInCrossReference = 1
        expected.onlyInTruth = 2  // t1, and a1 of system T
        expected.unresolved = 1
        expected.duplicateCrossReferenceKeys = 1
        expected.customers = 4
        expected.entities = 3
        #expect(result.counts == expected)
        #expect(result.description.contains("precision 0.5000  recall 0.4000  F1 0.4444"))
        #expect(result.description.contains("left out: 1 only in the cross-reference; 2 only in the truth; "
            + "1 unresolved (no customer code); 1 repeated keys in the cross-reference"))
    }

    let febrlXref = """
        source_system,source_key,customer_code
        F,rec-1-org,A
        F,rec-1-dup-0,A
        F,rec-1-dup-1,B
        F,rec-2-org,B
        F,rec-3-org,C
        F,rec-3-dup-0,C
        F,odd-key,C

        """

    @Test func theTruthInTheKeysOfTheCrossReference() throws {
        let result = try CrossReferenceEvaluation.evaluate(
            crossReference: csv(febrlXref), truth: .keyPattern(try Regex(#"rec-(\d+)-"#)))
        // Entities 1 {org, dup-0, dup-1}, 2 {org}, 3 {org, dup-0}. Predicted: A 1 + B 1 + C 1 = 3 pairs;
        // true: 3 + 0 + 1 = 4; both: rec-1-org/rec-1-dup-0 and rec-3-org/rec-3-dup-0 = 2.
        #expect(result.truePositivePairs == 2 && result.predictedPairs == 3 && result.truePairs == 4)
        #expect(abs(result.precision - 2.0 / 3.0) < 1e-12)
        #expect(result.recall == 0.5)
        #expect(abs(result.f1 - 4.0 / 7.0) < 1e-12)
        #expect(result.counts.keysNotMatchingPattern == 1 && result.counts.inBoth == 6)
        #expect(result.counts.onlyInCrossReference == 1 && result.counts.entities == 3)
    }

    @Test func theTruthInTheKeysOfATruthFileMatchedBySourceKeyAlone() throws {
        let truth = """
            rec_id,given_name
            rec-1-org,a
            rec-1-dup-0,b
            rec-1-dup-1,c
            rec-2-org,d
            rec-3-org,e
            rec-3-dup-0,f
            rec-4-org,g

            """
        let result = try CrossReferenceEvaluation.evaluate(
            crossReference: csv(febrlXref),
            truth: .keyPattern(try Regex(#"rec-(\d+)-"#), file: .init(reader: csv(truth), keyColumns: ["rec_id"])))
        #expect(result.truePositivePairs == 2 && result.predictedPairs == 3 && result.truePairs == 4)
        #expect(result.counts.inBoth == 6 && result.counts.onlyInTruth == 1 && result.counts.onlyInCrossReference == 1)
        #expect(result.counts.keysNotMatchingPattern == 0)
    }

    @Test func aPerfectClusteringScoresOneAndSingletonsScoreNoRecall() throws {
        let truth = "source_system,source_key,entity_id\nS,a,E1\nS,b,E1\nS,c,E2\n"
        let perfect = try CrossReferenceEvaluation.evaluate(
            crossReference: csv("source_system,source_key,customer_code\nS,a,X\nS,b,X\nS,c,Y\n"),
            truth: .file(.init(reader: csv(truth))))
        #expect(perfect.precision == 1 && perfect.recall == 1 && perfect.f1 == 1)
        let singletons = try CrossReferenceEvaluation.evaluate(
            crossReference: csv("source_system,source_key,customer_code\nS,a,X\nS,b,Y\nS,c,Z\n"),
            truth: .file(.init(reader: csv(truth))))
        #expect(singletons.precision == 1 && singletons.recall == 0 && singletons.f1 == 0)
        let oneLump = try CrossReferenceEvaluation.evaluate(
            crossReference: csv("source_system,source_key,customer_code\nS,a,X\nS,b,X\nS,c,X\n"),
            truth: .file(.init(reader: csv(truth))))
        #expect(abs(oneLump.precision - 1.0 / 3.0) < 1e-12 && oneLump.recall == 1)
    }

    @Test func aMissingColumnIsNamed() throws {
        #expect(throws: EvaluationError("the truth file has no column 'entity_id' (its header: source_system,source_key,cluster)")) {
            try CrossReferenceEvaluation.evaluate(
                crossReference: csv("source_system,source_key,customer_code\nS,a,X\n"),
                truth: .file(.init(reader: csv("source_system,source_key,cluster\nS,a,1\n"))))
        }
        #expect(throws: EvaluationError("the cross-reference has no column 'customer_code' (its header: source_system,source_key,code)")) {
            try CrossReferenceEvaluation.evaluate(crossReference: csv("source_system,source_key,code\nS,a,X\n"),
                                                  truth: .keyPattern(try Regex("(.)")))
        }
    }
}
