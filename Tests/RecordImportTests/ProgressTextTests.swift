import RecordImport
import Testing

@Suite struct ProgressTextTests {
    @Test func barsFillByFractionAndSlideWhenTheSizeIsUnknown() {
        #expect(ProgressText.bar(fraction: 0, width: 12) == "[----------]")
        #expect(ProgressText.bar(fraction: 0.5, width: 12) == "[#####-----]")
        #expect(ProgressText.bar(fraction: 1, width: 12) == "[##########]")
        #expect(ProgressText.bar(fraction: 7, width: 12) == "[##########]")
        #expect(ProgressText.bar(fraction: nil, width: 12, tick: 0) == "[#---------]")
        #expect(ProgressText.bar(fraction: nil, width: 12, tick: 3) == "[---#------]")
    }

    @Test func numbersAndTimes() {
        #expect(ProgressText.grouped(0) == "0")
        #expect(ProgressText.grouped(999) == "999")
        #expect(ProgressText.grouped(1000) == "1,000")
        #expect(ProgressText.grouped(1_234_567) == "1,234,567")
        #expect(ProgressText.grouped(-45_000) == "-45,000")
        #expect(ProgressText.clock(seconds: 65) == "1:05")
        #expect(ProgressText.clock(seconds: 3723) == "1:02:03")
    }

    @Test func anImportLine() {
        let progress = ImportProgress(bytesRead: 450, totalBytes: 1000, rowsRead: 120_000, rowsRejected: 10,
                                      elapsed: .seconds(40), isFinal: false)
        // 450 bytes in 40 s, 550 left: 48.9 s.
        #expect(ProgressText.importLine(progress, label: "parties.csv", barWidth: 12)
                    == "parties.csv  [####------]   45%  120,000 rows  3,000 rows/s  0:49 left  10 rejected")
        let unknownSize = ImportProgress(bytesRead: 450, totalBytes: nil, rowsRead: 5, rowsRejected: 0,
                                         elapsed: .seconds(1), isFinal: false)
        #expect(ProgressText.importLine(unknownSize, label: "-", barWidth: 6) == "-  [#---]  5 rows  5 rows/s")
    }

    @Test func aJobLine() {
        #expect(ProgressText.jobLine(label: "bulk resolution", done: 450_000, total: 1_000_000, failed: 3,
                                     state: "RUNNING", barWidth: 12)
                    == "bulk resolution  [####------]  45%  450,000 / 1,000,000  3 failed  RUNNING")
        #expect(ProgressText.jobLine(label: "bulk resolution", done: 0, total: -1, failed: 0, state: "QUEUED",
                                     barWidth: 6) == "bulk resolution  [#---]  0  QUEUED")
    }
}
