import RecordImport
import Testing

@Suite struct RecordMapperTests {
    let header = ["客户号", "客户姓名", "证件号码", "手机", "电话", "备注"]

    func mapper(_ map: String, kind: ImportKind = .parties, key: String = "客户号", header: [String]? = nil,
                options: RecordMapper.Options = .init()) throws -> RecordMapper {
        let mapping = try ColumnMapping(parsing: map, allowingRepeatedFields: true)
        let header = header ?? self.header
        return RecordMapper(sourceSystem: "CORE", mapping: try kind.validate(mapping, keyColumn: key, header: header),
                            header: header, options: options)
    }

    func row(_ fields: [String], line: Int = 2) -> SourceRow { SourceRow(line: line, cells: .positional(fields)) }

    @Test func chineseColumnsAndValuesTrimmedIntoARecord() throws {
        let mapper = try mapper("name=客户姓名,id_number=证件号码,phone=手机,phone=电话")
        let record = try mapper.map(row([" C001 ", "\u{3000}张三 ", "110101199003071234", "13800138000", "NULL", ""], line: 7)).get()
        #expect(record.kind == .parties)
        #expect(record.sourceSystem == "CORE")
        #expect(record.sourceKey == "C001")
        #expect(record.line == 7)
        #expect(record.fields == ["full_name": ["张三"], "document_number": ["110101199003071234"], "phones": ["13800138000"]])
        #expect(record.value("full_name") == "张三")
        #expect(record.values("email") == [])
    }

    @Test func emptyKeyIsRejectedNamingTheColumn() throws {
        let mapper = try mapper("name=客户姓名")
        for key in ["", "  ", "\\N", "-"] {
            let result = mapper.map(row([key, "张三", "", "", "", ""]))
            #expect(throws: RowRejection(line: 2, reason: .emptyKey(column: "客户号"))) { try result.get() }
        }
    }

    @Test func requiredFieldEmptyIsRejectedNamingTheField() throws {
        let header = ["赔案号", "保单号", "被保人"]
        let mapper = try mapper("policy_number=保单号,claimant_key=被保人", kind: .claims, key: "赔案号", header: header)
        let rejection = try #require(throws: RowRejection.self) {
            try mapper.map(SourceRow(line: 9, cells: .positional(["CL1", "P1", "NULL"]))).get()
        }
        #expect(rejection.reason == .requiredFieldEmpty(field: "claimant_key", columns: ["被保人"]))
        #expect(rejection.description == "line 9: required field claimant_key (column '被保人') is empty")
    }

    @Test func partyWithNoNameAtAllIsRejected() throws {
        let mapper = try mapper("given_name=客户姓名,family_name=备注")
        let rejection = try #require(throws: RowRejection.self) { try mapper.map(row(["C1", "", "", "", "", " "])).get() }
        #expect(rejection.reason == .requiredGroupEmpty(group: "name", fields: ["given_name", "family_name"]))
        #expect(try mapper.map(row(["C1", "", "", "", "", "Smith"])).get().fields == ["family_name": ["Smith"]])
    }

    @Test func configurableNullMarkersAndSeparators() throws {
        let options = RecordMapper.Options(nullMarkers: ["无"], multiValueSeparators: ["/", ";"], keepUnmappedColumns: true)
        let mapper = try mapper("name=客户姓名,phone=手机", options: options)
        let record = try mapper.map(row(["C1", "李四", "无", "13800138000 / 13900139000;", "-", "老客户"])).get()
        #expect(record.fields["phones"] == ["13800138000", "13900139000"])
        #expect(record.otherAttributes == [.init(key: "电话", value: "-"), .init(key: "备注", value: "老客户")])
    }

    @Test func jsonArrayOnASingleValuedFieldIsRejected() throws {
        let mapping = try ColumnMapping(parsing: "name=name,phone=phones")
        let mapper = RecordMapper(sourceSystem: "APP", mapping: try ImportKind.parties.validate(mapping, keyColumn: "id", header: nil),
                                  header: nil)
        let good = SourceRow(line: 1, cells: .keyed(["id": ["7"], "name": ["王五"], "phones": ["1", "2"]]))
        #expect(try mapper.map(good).get().fields == ["full_name": ["王五"], "phones": ["1", "2"]])
        let bad = SourceRow(line: 2, cells: .keyed(["id": ["8"], "name": ["王五", "王六"]]))
        #expect(throws: RowRejection(line: 2, reason: .tooManyValues(field: "full_name", count: 2), sourceKey: "8")) {
            try mapper.map(bad).get()
        }
        let absent = SourceRow(line: 3, cells: .keyed(["name": ["王五"]]))
        #expect(throws: RowRejection(line: 3, reason: .emptyKey(column: "id"))) { try mapper.map(absent).get() }
    }
}
