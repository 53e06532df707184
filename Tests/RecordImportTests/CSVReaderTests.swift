import RecordImport
import Testing

@Suite struct CSVReaderTests {
    @Test(arguments: chunkSizes)
    func quotedFieldsWithDelimitersQuotesAndNewlines(chunk: Int) throws {
        let text = "id,name,note\n1,\"Smith, John\",\"said \"\"hi\"\"\"\n2,\"two\nline\nnote\",x\n3,plain,\"\"\n"
        let (reader, events) = try readCSV(text, chunk: chunk)
        #expect(reader.header == ["id", "name", "note"])
        let rows = events.compactMap(\.csv)
        #expect(rows.count == 3)
        #expect(rows[0].line == 2 && rows[0].fields == ["1", "Smith, John", "said \"hi\""])
        #expect(rows[1].line == 3 && rows[1].fields == ["2", "two\nline\nnote", "x"])
        // The row after a field holding two line breaks starts two lines further down.
        #expect(rows[2].line == 6 && rows[2].fields == ["3", "plain", ""])
    }

    @Test(arguments: chunkSizes)
    func crlfLineEndsAndEmbeddedCRLF(chunk: Int) throws {
        let text = "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n"
        let rows = try readCSV(text, chunk: chunk).events.compactMap(\.csv)
        #expect(rows.map(\.line) == [2, 4])
        #expect(rows[0].fields == ["1", "x\r\ny"])
        #expect(rows[1].fields == ["2", "z"])
    }

    @Test(arguments: chunkSizes)
    func byteOrderMarkIsSkipped(chunk: Int) throws {
        let (reader, events) = try readCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("客户号,姓名\nC1,张三\n".utf8), chunk: chunk)
        #expect(reader.header == ["客户号", "姓名"])
        #expect(events.compactMap(\.csv).map(\.fields) == [["C1", "张三"]])
    }

    @Test(arguments: ["a,b\n1,2\n3,4", "a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4", "a,b\r\n1,2\r\n3,4\r\n"])
    func lastLineWithOrWithoutNewline(text: String) throws {
        for chunk in chunkSizes {
            let rows = try readCSV(text, chunk: chunk).events.compactMap(\.csv)
            #expect(rows.map(\.fields) == [["1", "2"], ["3", "4"]])
            #expect(rows.map(\.line) == [2, 3])
        }
    }

    @Test(arguments: chunkSizes)
    func emptyFieldsAndTrailingDelimiter(chunk: Int) throws {
        let rows = try readCSV("a,b,c\n,,\n1,,\n,\"\",3\n", chunk: chunk).events.compactMap(\.csv)
        #expect(rows.map(\.fields) == [["", "", ""], ["1", "", ""], ["", "", "3"]])
    }

    @Test(arguments: chunkSizes)
    func blankLinesAreSkippedAndCounted(chunk: Int) throws {
        let (reader, events) = try readCSV("\na,b\n\n1,2\n   \n\r\n3,4\n\n", chunk: chunk)
        #expect(reader.header == ["a", "b"])
        #expect(events.compactMap(\.csv).map(\.line) == [4, 7])
        #expect(events.allSatisfy { $0.row != nil })
        #expect(reader.blankLines == 5)
    }

    @Test(arguments: chunkSizes)
    func wrongFieldCountRejectsThatRowOnly(chunk: Int) throws {
        let events = try readCSV("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n", chunk: chunk).events
        #expect(events.compactMap(\.csv).map(\.line) == [2, 5])
        let rejections = events.compactMap(\.rejection)
        #expect(rejections.map(\.line) == [3, 4])
        #expect(rejections[0].reason == .wrongFieldCount(expected: 3, found: 2))
        #expect(rejections[1].reason == .wrongFieldCount(expected: 3, found: 4))
        #expect(rejections[0].description == "line 3: expected 3 fields, found 2")
        #expect(rejections[0].excerpt == "4,5")
    }

    @Test(arguments: chunkSizes)
    func invalidUTF8RejectsOnlyThatRow(chunk: Int) throws {
        // "张三" in GBK is D5 C5 C8 FD: not UTF-8.
        let bytes = Array("id,name\n1,李四\n2,".utf8) + [0xD5, 0xC5, 0xC8, 0xFD] + Array("\n3,王五\n".utf8)
        let events = try readCSV(bytes: bytes, chunk: chunk).events
        #expect(events.compactMap(\.csv).map(\.fields) == [["1", "李四"], ["3", "王五"]])
        let rejection = try #require(events.compactMap(\.rejection).first)
        #expect(rejection.line == 3)
        #expect(rejection.reason == .invalidUTF8(field: 2, column: "name"))
        #expect(rejection.description.contains("iconv -f GB18030 -t UTF-8"))
    }

    /// Overlong forms, surrogates, code points past U+10FFFF, stray continuation and truncated
    /// sequences are not UTF-8; 2-, 3- and 4-byte characters are.
    @Test(arguments: [
        ([0xC0, 0xAF], false), ([0xE0, 0x80, 0xAF], false), ([0xED, 0xA0, 0x80], false), ([0xF4, 0x90, 0x80, 0x80], false),
        ([0x80], false), ([0xE4, 0xB8], false), ([0xF5, 0x80, 0x80, 0x80], false),
        ([0xC3, 0xA9], true), ([0xE4, 0xB8, 0xAD], true), ([0xF0, 0x9F, 0x98, 0x80], true), ([0xEF, 0xBF, 0xBD], true),
    ] as [([UInt8], Bool)])
    func utf8Validation(bytes: [UInt8], valid: Bool) throws {
        let events = try readCSV(bytes: Array("a,b\n1,x".utf8) + bytes + Array("y\n".utf8)).events
        #expect((events.first?.row != nil) == valid)
        if valid { #expect(events.first?.csv?.fields[1] == "x" + String(decoding: bytes, as: UTF8.self) + "y") }
    }

    @Test func gbkHeaderIsAFileErrorWithTheIconvHint() throws {
        let bytes: [UInt8] = [0xBF, 0xCD, 0xBB, 0xA7, 0x2C, 0x61, 0x0A, 0x31, 0x2C, 0x32, 0x0A]  // 客户,a in GBK
        #expect(throws: ImportFileError.headerNotUTF8(line: 1)) { try readCSV(bytes: bytes) }
        #expect(ImportFileError.headerNotUTF8(line: 1).description.contains("iconv -f GB18030 -t UTF-8"))
    }

    @Test func utf16FileIsRefused() throws {
        #expect(throws: ImportFileError.notUTF8(encoding: "UTF-16LE")) {
            try readCSV(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00])
        }
    }

    @Test(arguments: chunkSizes)
    func unterminatedQuoteAtEndOfFile(chunk: Int) throws {
        let events = try readCSV("a,b\n1,2\n3,\"open\nstill open\nto the end", chunk: chunk).events
        #expect(events.compactMap(\.csv).map(\.line) == [2])
        let rejection = try #require(events.compactMap(\.rejection).first)
        #expect(rejection.line == 3)
        #expect(rejection.reason == .unterminatedQuote(lines: 3))
        #expect(events.count == 2)
    }

    @Test(arguments: chunkSizes)
    func textAfterClosingQuoteIsRejected(chunk: Int) throws {
        let events = try readCSV("a,b\n1,\"x\"y\n2,\"ok\"\n", chunk: chunk).events
        #expect(events.compactMap(\.rejection).map(\.reason) == [.textAfterClosingQuote(field: 2)])
        #expect(events.compactMap(\.csv).map(\.fields) == [["2", "ok"]])
    }

    @Test func bareQuoteInsideAnUnquotedFieldIsKept() throws {
        let rows = try readCSV("a,b\n1,5'10\" tall\n").events.compactMap(\.csv)
        #expect(rows.map(\.fields) == [["1", "5'10\" tall"]])
    }

    @Test(arguments: chunkSizes)
    func tabDelimiterAndLoneCR(chunk: Int) throws {
        let (reader, events) = try readCSV("客户号\t姓名\r1\t张, 三\r2\t\"李\t四\"\r", chunk: chunk, options: .tsv)
        #expect(reader.header == ["客户号", "姓名"])
        let rows = events.compactMap(\.csv)
        #expect(rows.map(\.fields) == [["1", "张, 三"], ["2", "李\t四"]])
        #expect(rows.map(\.line) == [2, 3])
    }

    @Test func headerlessFileNamesColumnsByNumber() throws {
        let (reader, events) = try readCSV("1,a\n2,b\n3\n", options: .init(hasHeader: false))
        #expect(reader.header == ["1", "2"])
        #expect(events.compactMap(\.csv).map(\.line) == [1, 2])
        #expect(events.compactMap(\.rejection).map(\.line) == [3])
    }

    @Test func rowLongerThanTheLimitIsRejectedAndReadingGoesOn() throws {
        let long = String(repeating: "x", count: 5_000)
        let text = "a,b\n1,2\n3,\"\(long)\n\(long)\"\n4,5\n"
        let options = CSVReader.Options(chunkSize: 256, maxRowBytes: 1_000)
        let (reader, events) = try readCSV(text, options: options)
        #expect(events.compactMap(\.csv).map(\.line) == [2, 5])
        let rejection = try #require(events.compactMap(\.rejection).first)
        #expect(rejection.line == 3)
        #expect(rejection.reason.code == "row_too_long")
        #expect(reader.peakBufferedBytes < 4_000)
    }

    @Test func emptyFileHasNoHeader() throws {
        #expect(throws: ImportFileError.noHeader) { try readCSV("\n\n") }
    }
}
