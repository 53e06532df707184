import RecordImport
import Testing

@Suite struct JSONLinesReaderTests {
    @Test(arguments: chunkSizes)
    func objectsFlattenedWithDotsAndArraysAsValues(chunk: Int) throws {
        let text = #"""
            {"客户号": "C1", "姓名": "张三", "证件号码": 110101199003071234, "phones": ["13800138000", "13900139000"], "address": {"city": "杭州", "lines": ["文三路 1 号"]}, "vip": true, "note": null}
            {"客户号":"C2","contacts":[{"phone":"1"},{"phone":"2"}],"escaped":"a\"b\\c\u00e9\ud83d\ude00\n"}
            """#
        let rows = try readJSONLines(text, chunk: chunk).events.compactMap(\.keyed)
        #expect(rows.count == 2)
        #expect(rows[0].line == 1)
        #expect(rows[0].values == [
            "客户号": ["C1"], "姓名": ["张三"], "证件号码": ["110101199003071234"],
            "phones": ["13800138000", "13900139000"], "address.city": ["杭州"], "address.lines": ["文三路 1 号"],
            "vip": ["true"],
        ])
        #expect(rows[1].line == 2)
        #expect(rows[1].values["contacts.phone"] == ["1", "2"])
        #expect(rows[1].values["escaped"] == ["a\"b\\cé😀\n"])
    }

    @Test(arguments: chunkSizes)
    func badLinesAreRejectedWithTheirLineNumbersAndBlankLinesCounted(chunk: Int) throws {
        let text = """
            {"id": "1"}

            {"id": "2",}
            [1, 2]
            {"id": "3", "id": "4"}
            \r
            {"id": "5"
            {"id": "6"} trailing
            {"id": "7"}\r
            """
        let (reader, events) = try readJSONLines(text, chunk: chunk)
        #expect(events.compactMap(\.keyed).map(\.line) == [1, 9])
        let rejections = events.compactMap(\.rejection)
        #expect(rejections.map(\.line) == [3, 4, 5, 7, 8])
        #expect(rejections[0].reason.code == "malformed_json")
        #expect(rejections[1].reason == .notAnObject)
        #expect(rejections[2].reason == .duplicateKey("id"))
        #expect(rejections[3].reason.code == "malformed_json")
        #expect(rejections[4].reason.code == "malformed_json")
        #expect(reader.blankLines == 2)
    }

    @Test(arguments: chunkSizes)
    func invalidUTF8InAStringRejectsThatLine(chunk: Int) throws {
        let bytes = Array(#"{"n":"ok"}"#.utf8) + [0x0A] + Array(#"{"n":""#.utf8) + [0xD5, 0xC5] + Array("\"}\n{\"n\":\"后\"}".utf8)
        let events = try readJSONLines(bytes: bytes, chunk: chunk).events
        #expect(events.compactMap(\.keyed).map(\.line) == [1, 3])
        #expect(events.compactMap(\.rejection).map(\.line) == [2])
        #expect(events.compactMap(\.rejection).first?.reason.code == "invalid_utf8")
    }

    @Test func duplicateKeyFoundInALargeObjectToo() throws {
        let keys = (1...40).map { "\"k\($0)\": \($0)" } + ["\"k33\": 0"]
        let events = try readJSONLines("{" + keys.joined(separator: ", ") + "}").events
        #expect(events.compactMap(\.rejection).map(\.reason) == [.duplicateKey("k33")])
        let nested = try readJSONLines(#"{"a": {"x": 1}, "b": {"x": 2}}"#).events
        #expect(nested.first?.keyed?.values == ["a.x": ["1"], "b.x": ["2"]])
    }

    @Test func byteOrderMarkAndNoFinalNewline() throws {
        let events = try readJSONLines(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a":1.5e3}"#.utf8)).events
        #expect(events.compactMap(\.keyed).first?.values == ["a": ["1.5e3"]])
    }
}
