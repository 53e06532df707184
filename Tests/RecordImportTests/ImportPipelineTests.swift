import Foundation
import RecordImport
import Testing

@Suite struct ImportPipelineTests {
    func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("record-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func tallyAddsUpOnAFileOfGoodAndBadRows() throws {
        var bytes = Array("\u{FEFF}客户号,客户姓名,证件号码,手机,电话\r\n".utf8)
        bytes += Array("C1,张三,110101199003071234,13800138000,\r\n".utf8)      // 2 good
        bytes += Array("C2,\"李\r\n四\",,,\r\n".utf8)                           // 3 good, spans 2 lines
        bytes += Array(",王五,,,\r\n".utf8)                                      // 5 empty key
        bytes += Array("\r\n".utf8)                                              // 6 blank
        bytes += Array("C4,赵六,1\r\n".utf8)                                     // 7 wrong field count
        bytes += Array("C5,".utf8) + [0xC1, 0xF5] + Array(",,,\r\n".utf8)       // 8 GBK bytes
        bytes += Array("C6,NULL,,,\r\n".utf8)                                    // 9 no name
        bytes += Array("C7,\"钱\"\"七\",,13900139000,13700137000\r\n".utf8)     // 10 good
        bytes += Array("C8,\"孙八,,,".utf8)                                      // 11 unterminated quote
        let path = try temporaryFile("parties.csv", bytes)
        let mapping = try ColumnMapping(parsing: "name=客户姓名,id_number=证件号码,phone=手机,phone=电话",
                                        allowingRepeatedFields: true)
        var reports: [ImportProgress] = []
        let importer = try RecordImporter(path: path, format: try #require(.inferred(fromPath: path)), kind: .parties,
                                          sourceSystem: "CORE", keyColumn: "客户号", mapping: mapping,
                                          progress: ClosureProgressReporter { reports.append($0) })
        var records: [ImportRecord] = []
        var rejections: [RowRejection] = []
        let tally = try importer.run { event in
            switch event {
            case .record(let record): records.append(record)
            case .rejected(let rejection): rejections.append(rejection)
            }
        }
        #expect(records.map(\.sourceKey) == ["C1", "C2", "C7"])
        #expect(records.map(\.line) == [2, 3, 10])
        #expect(records[1].value("full_name") == "李\r\n四")
        #expect(records[2].fields["full_name"] == ["钱\"七"])
        #expect(records[2].fields["phones"] == ["13900139000", "13700137000"])
        #expect(rejections.map(\.line) == [5, 7, 8, 9, 11])
        #expect(rejections.map(\.reason.code) == ["empty_key", "wrong_field_count", "invalid_utf8", "required_group_empty",
                                                  "unterminated_quote"])
        #expect(tally.rowsRead == 8)
        #expect(tally.recordsProduced == 3)
        #expect(tally.rowsRejected == 5)
        #expect(tally.blankLines == 1)
        #expect(tally.rejections == rejections)
        try tally.checkBalanced()
        #expect(tally.description.hasPrefix("8 rows read: 3 records, 5 rejected ("))
        let final = try #require(reports.last)
        #expect(final.isFinal && final.percent == 100 && final.rowsRead == 8 && final.rowsRejected == 5)

        // A record refused further on (say by the ingest RPC) moves to the rejected; the sum still holds.
        importer.rejectProduced(RowRejection(line: 10, reason: .other("stale version")))
        #expect(importer.tally.recordsProduced == 2 && importer.tally.rowsRejected == 6)
        try importer.tally.checkBalanced()
    }

    @Test func jsonLinesImportOfInteractions() throws {
        let text = """
            {"id": "I1", "客户": {"号": "C1"}, "类型": "投诉", "时间": "2024-03-01T09:30:00+08:00"}
            {"id": "I2", "客户": {"号": "C2"}}
            not json

            {"id": "I3", "客户": {"号": "C3"}, "类型": "登录", "extra": [1, 2]}
            """
        let path = try temporaryFile("interactions.jsonl", Array(text.utf8))
        let mapping = try ColumnMapping(mapFile: "party_key=客户.号\ntype=类型\noccurred_at=时间\n")
        let importer = try RecordImporter(path: path, format: .jsonLines(.init()), kind: .interactions, sourceSystem: "APP",
                                          keyColumn: "id", mapping: mapping, options: .init(keepUnmappedColumns: true))
        var records: [ImportRecord] = []
        let tally = try importer.run { if case .record(let record) = $0 { records.append(record) } }
        #expect(records.map(\.sourceKey) == ["I1", "I3"])
        #expect(records[0].fields == ["party_key": ["C1"], "type": ["投诉"], "occurred_at": ["2024-03-01T09:30:00+08:00"]])
        #expect(records[1].otherAttributes == [.init(key: "extra", value: "1"), .init(key: "extra", value: "2")])
        #expect(tally.rejections.map(\.line) == [2, 3])
        #expect(tally.rejections[0].reason == .requiredFieldEmpty(field: "type", columns: ["类型"]))
        #expect(tally.blankLines == 1)
        try tally.checkBalanced()
    }

    @Test func mappingProblemsAreReportedBeforeReading() throws {
        let path = try temporaryFile("p.csv", Array("客户号,姓名\nC1,张三\n".utf8))
        #expect(throws: MappingValidationError.self) {
            try RecordImporter(path: path, format: .csv(.csv), kind: .parties, sourceSystem: "CORE", keyColumn: "客户号",
                               mapping: try ColumnMapping(parsing: "name=客户姓名"))
        }
        #expect(throws: ImportFileError.cannotOpen(path: path + ".missing", reason: "no such file")) {
            try RecordImporter(path: path + ".missing", format: .csv(.csv), kind: .parties, sourceSystem: "CORE",
                               keyColumn: "客户号", mapping: try ColumnMapping(parsing: "name=姓名"))
        }
    }

    /// 200,000 generated rows, with a bad row every 1,000: read in constant memory, every row counted.
    @Test func twoHundredThousandRowsInConstantMemory() throws {
        let rows = 200_000
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("record-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("big.csv").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let out = try #require(FileHandle(forWritingAtPath: path))
        var chunk = "客户号,客户姓名,证件号码,出生日期,手机,地址,备注\n"
        var expectedRejected = 0
        for i in 1...rows {
            if i % 1_000 == 0 {
                chunk += "C\(i),缺一列,,,\n"
                expectedRejected += 1
            } else {
                chunk += "C\(i),客户\(i),1101011990\(String(i % 100_000_000).leftPadded(8)),19900307,138\(String(i).leftPadded(8)),"
                    + "\"浙江省杭州市西湖区文三路\(i % 500)号, \(i % 30)幢\",\"备注 \"\"\(i)\"\"\"\n"
            }
            if chunk.utf8.count > 1 << 20 {
                out.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        out.write(Data(chunk.utf8))
        try out.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).int64Value

        let mapping = try ColumnMapping(parsing: "name=客户姓名,id_number=证件号码,dob=出生日期,phone=手机,address=地址")
        var reports = 0
        let options = CSVReader.Options(chunkSize: 256 << 10)
        let importer = try RecordImporter(path: path, format: .csv(options), kind: .parties, sourceSystem: "CORE",
                                          keyColumn: "客户号", mapping: mapping, keepingRejections: false,
                                          progress: ClosureProgressReporter { _ in reports += 1 },
                                          progressInterval: .milliseconds(100))
        let clock = ContinuousClock()
        let start = clock.now
        var lastLine = 0
        let tally = try importer.run { event in
            if case .record(let record) = event { lastLine = record.line }
        }
        let elapsed = clock.now - start
        #expect(tally.rowsRead == rows)
        #expect(tally.rowsRejected == expectedRejected)
        #expect(tally.recordsProduced == rows - expectedRejected)
        #expect(tally.rejections.isEmpty)
        #expect(lastLine == rows)
        try tally.checkBalanced()
        let reader = try #require(importer.reader as? CSVReader)
        #expect(reader.bytesRead == size)
        // Constant memory: the buffer never held more than about one chunk, whatever the file size.
        #expect(reader.peakBufferedBytes <= 2 * options.chunkSize + 4096, "peak buffer \(reader.peakBufferedBytes)")
        #expect(reports >= 1)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("RecordImport: \(rows) rows, \(size / 1_000_000) MB in \(String(format: "%.2f", seconds)) s: "
            + "\(Int(Double(rows) / seconds)) rows/s, \(String(format: "%.1f", Double(size) / seconds / 1e6)) MB/s; "
            + "peak buffer \(reader.peakBufferedBytes / 1024) KiB")
        try? FileManager.default.removeItem(at: directory)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
