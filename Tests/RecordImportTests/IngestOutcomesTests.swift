import IdentityAPI
import RecordImport
import Testing

@Suite struct IngestOutcomesTests {
    let origins = [
        RecordOrigin(line: 2, sourceSystem: "S", sourceKey: "A"), RecordOrigin(line: 3, sourceSystem: "S", sourceKey: "B"),
        RecordOrigin(line: 5, sourceSystem: "S", sourceKey: "C"), RecordOrigin(line: 6, sourceSystem: "S", sourceKey: "D"),
        RecordOrigin(line: 9, sourceSystem: "S", sourceKey: "E"), RecordOrigin(line: 10, sourceSystem: "S", sourceKey: "F"),
    ]

    @Test func outcomesAreCountedAndRejectionsFindTheirLinesThroughTheIndex() {
        var outcomes = IngestOutcomes()
        // In any order: the index says which record each result is about.
        let refused = outcomes.apply([
            RecordResult(index: 5, outcome: .stale),
            RecordResult(index: 0, outcome: .created, customerCode: "C1", sentToReview: true),
            RecordResult(index: 3, outcome: .rejected, reason: "source_version must be > 0"),
            RecordResult(index: 1, outcome: .updated, pendingParties: [SourceRef(sourceSystem: "S", sourceKey: "Z")]),
            RecordResult(index: 2, outcome: .unchanged),
            RecordResult(index: 4, outcome: .rejected),
        ], origins: origins)
        #expect(outcomes.created == 1 && outcomes.updated == 1 && outcomes.unchanged == 1 && outcomes.stale == 1)
        #expect(outcomes.rejected == 2 && outcomes.stored == 4 && outcomes.sent == 6)
        #expect(outcomes.sentToReview == 1 && outcomes.withPendingParties == 1)
        #expect(refused.map(\.rejection.description) == [
            "line 6: rejected by the identity service: source_version must be > 0",
            "line 9: rejected by the identity service: no reason given",
        ])
        #expect(refused.map(\.origin.sourceKey) == ["D", "E"])
        #expect(refused.map { $0.rejection.sourceKey } == ["D", "E"])
        #expect(refused.allSatisfy { $0.rejection.reason.code == "rejected_by_service" })
    }

    @Test func aRecordWithoutAUsableResultIsRejectedSoTheCountsStillAddUp() {
        var outcomes = IngestOutcomes()
        let refused = outcomes.apply([
            RecordResult(index: 0, outcome: .created),
            RecordResult(index: 0, outcome: .rejected, reason: "a second result for the same record is ignored"),
            RecordResult(index: 2, outcome: .unspecified),
            RecordResult(index: 99, outcome: .created),  // no such record
            RecordResult(index: -1, outcome: .created),
        ], origins: Array(origins.prefix(3)))
        #expect(outcomes.created == 1 && outcomes.rejected == 2 && outcomes.sent == 3)
        #expect(refused.map(\.rejection.description) == [
            "line 3: rejected by the identity service: the service returned no result for this record",
            "line 5: rejected by the identity service: the service gave no outcome for this record",
        ])
    }

    @Test func batchesFillAndEmpty() {
        var batch = IngestBatch<Int>(capacity: 2)
        #expect(batch.isEmpty && !batch.isFull)
        batch.append(1, origin: origins[0])
        batch.append(2, origin: origins[1])
        #expect(batch.isFull)
        let full = batch.take()
        #expect(full.records == [1, 2] && full.origins == Array(origins.prefix(2)))
        #expect(batch.isEmpty && batch.take().isEmpty)
    }

    @Test func theSummaryBalancesRowsAgainstStoredAndRejected() {
        // 5 rows: 1 unreadable, 1 refused by the converter, 3 sent; the service rejects 1 of them.
        var tally = ImportTally()
        tally.countRejected(RowRejection(line: 2, reason: .wrongFieldCount(expected: 3, found: 2)))
        for _ in 0..<4 { tally.countProduced() }
        tally.rejectProduced(RowRejection(line: 3, reason: .invalidValue(field: "sex", value: "Q", problem: "…")))
        var outcomes = IngestOutcomes()
        let refused = outcomes.apply([RecordResult(index: 0, outcome: .created), RecordResult(index: 1, outcome: .unchanged),
                                      RecordResult(index: 2, outcome: .rejected, reason: "bad")],
                                     origins: Array(origins.prefix(3)))
        for refusal in refused { tally.rejectProduced(refusal.rejection) }
        let summary = ImportSummary(file: "p.csv", kind: .parties, tally: tally, outcomes: outcomes, dryRun: false,
                                    rejectsFile: "p.csv.rejects.csv")
        #expect(summary.isBalanced)
        #expect(summary.rowsRead == 5 && summary.stored == 2 && summary.rejected == 3)
        #expect(summary.description == "p.csv: 5 rows read: 2 stored (1 created, 1 unchanged), 3 rejected "
            + "(1 invalid_value, 1 rejected_by_service, 1 wrong_field_count)")
        // Had a refusal not been moved out of the produced records, the rows would not add up.
        var unbalanced = summary
        unbalanced.rejected -= 1
        #expect(!unbalanced.isBalanced)
    }
}
