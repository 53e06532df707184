import Foundation
import IdentityAPI
import RecordImport
import Testing

@Suite struct CSVWritingTests {
    func temporaryPath(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-writing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test func fieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("") == "")
        #expect(CSVText.field("张三") == "张三")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.field("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVText.field(" padded ") == "\" padded \"")
        #expect(CSVText.field("a\tb") == "a\tb")
        #expect(CSVText.field("a\tb", delimiter: "\t") == "\"a\tb\"")
        #expect(CSVText.row(["1", "x,y", "\""]) == "1,\"x,y\",\"\"\"\"")
    }

    @Test func crossReferenceRows() {
        #expect(CrossReferenceCSV.header == "source_system,source_key,customer_code")
        #expect(CrossReferenceCSV.row(CrossReferenceRow(sourceSystem: "SALES", sourceKey: "S1", customerCode: "C7"))
                    == "SALES,S1,C7")
        #expect(CrossReferenceCSV.row(CrossReferenceRow(sourceSystem: "FEBRL", sourceKey: "rec-1, \"org\"",
                                                        customerCode: "")) == "FEBRL,\"rec-1, \"\"org\"\"\",")
    }

    @Test func aCrossReferenceFileReadsBackAsWritten() throws {
        let path = try temporaryPath("xref.csv")
        let rows = [
            CrossReferenceRow(sourceSystem: "SALES", sourceKey: "S1", customerCode: "C1"),
            CrossReferenceRow(sourceSystem: "POS", sourceKey: "key,with,commas", customerCode: "C2"),
            CrossReferenceRow(sourceSystem: "UW", sourceKey: "quote\"and\nbreak", customerCode: ""),
        ]
        let writer = try TextFileWriter(path: path)
        try writer.write(line: CrossReferenceCSV.header)
        for row in rows { try writer.write(line: CrossReferenceCSV.row(row)) }
        try writer.close()
        let reader = try CSVReader(path: path)
        #expect(reader.header == ["source_system", "source_key", "customer_code"])
        var read: [[String]] = []
        while let event = try reader.next() {
            guard case .row(let row) = event, case .positional(let cells) = row.cells else {
                Issue.record("unreadable row \(event)")
                continue
            }
            read.append(cells)
        }
        #expect(read == rows.map { [$0.sourceSystem, $0.sourceKey, $0.customerCode] })
    }

    @Test func theRejectsFileHasALineKeyReasonAndTheRowsStart() throws {
        let path = try temporaryPath("parties.csv.rejects.csv")
        let file = try RejectsFile(path: path)
        try file.write(RowRejection(line: 17, reason: .invalidValue(field: "occupation_class", value: "x",
                                                                  problem: "is not an integer"), sourceKey: "C17"))
        try file.write(RowRejection(line: 20, reason: .wrongFieldCount(expected: 3, found: 2), excerpt: "C20,\"张三\""))
        try file.write(RowRejection(line: 21, reason: .rejectedByService("bad")), sourceKey: "C21")
        #expect(file.count == 3)
        try file.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == #"""
            line,source_key,reason_code,reason,row
            17,C17,invalid_value,"occupation_class ""x"" is not an integer",
            20,,wrong_field_count,"expected 3 fields, found 2","C20,""张三"""
            21,C21,rejected_by_service,rejected by the identity service: bad,

            """#)
    }

    @Test func aRejectsFileIsNamedAfterItsInputInTheCurrentDirectory() {
        #expect(RejectsFile.defaultPath(for: "book/parties.csv") == "parties.csv.rejects.csv")
        #expect(RejectsFile.defaultPath(for: "parties.jsonl") == "parties.jsonl.rejects.csv")
        #expect(RejectsFile.defaultPath(for: "-") == "stdin.rejects.csv")
    }

    @Test func aFileThatCannotBeCreatedSaysSo() {
        #expect(throws: TextFileWriter.Failure(path: "/nonexistent-dir/x.csv", reason: "cannot be created")) {
            try TextFileWriter(path: "/nonexistent-dir/x.csv")
        }
    }
}
