import RecordImport
import Testing

@Suite struct ImportProgressTests {
    @Test func percentRatesAndTimeLeft() {
        let progress = ImportProgress(bytesRead: 250, totalBytes: 1_000, rowsRead: 5_000, rowsRejected: 3,
                                      elapsed: .seconds(2), isFinal: false)
        #expect(progress.fraction == 0.25)
        #expect(progress.percent == 25)
        #expect(progress.rowsPerSecond == 2_500)
        #expect(progress.bytesPerSecond == 125)
        #expect(progress.estimatedRemaining == .seconds(6))
    }

    @Test func unknownSizeHasNoPercentUntilTheEnd() {
        let running = ImportProgress(bytesRead: 250, totalBytes: nil, rowsRead: 10, rowsRejected: 0, elapsed: .seconds(1),
                                     isFinal: false)
        #expect(running.percent == nil && running.estimatedRemaining == nil)
        let final = ImportProgress(bytesRead: 250, totalBytes: nil, rowsRead: 10, rowsRejected: 0, elapsed: .seconds(1),
                                   isFinal: true)
        #expect(final.percent == 100 && final.estimatedRemaining == .zero)
    }

    @Test func rejectsFileRowsAreQuotedCSV() {
        let rejection = RowRejection(line: 12, reason: .wrongFieldCount(expected: 3, found: 2), excerpt: "C1,\"张三\"")
        #expect(RowRejection.rejectsFileHeader == "line,source_key,reason_code,reason,row")
        #expect(rejection.rejectsFileRow == "12,,wrong_field_count,\"expected 3 fields, found 2\",\"C1,\"\"张三\"\"\"")
    }

    @Test func tallyCountsRejectionsByReason() throws {
        var tally = ImportTally()
        tally.countProduced()
        tally.countRejected(RowRejection(line: 3, reason: .emptyKey(column: "id")))
        try tally.checkBalanced()
        #expect(tally.rowsRead == 2 && tally.rejectedByReason == ["empty_key": 1])
        #expect(tally.description == "2 rows read: 1 records, 1 rejected (1 empty_key)")
    }
}
