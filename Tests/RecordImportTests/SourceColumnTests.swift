import RecordImport
import Testing

@Suite struct SourceColumnTests {
    func importer(_ text: String, source: String = "", column: String? = "source_system", keep: Bool = true,
                  map: String = "name=full_name", supplied: Set<String> = [], kind: ImportKind = .parties) throws
        -> RecordImporter
    {
        var options = RecordMapper.Options(keepUnmappedColumns: keep, sourceSystemColumn: column)
        options.suppliedElsewhere = supplied
        return try RecordImporter(reader: CSVReader(source: MemoryByteSource(text)), kind: kind, sourceSystem: source,
                                  keyColumn: "source_key", mapping: ColumnMapping(parsing: map), options: options)
    }

    @Test func eachRowTakesItsSystemFromTheColumn() throws {
        let text = "source_system,source_key,full_name,vip\nSALES,S1,张三,Y\nUW,U1,李四,\n,X1,王五,\n"
        var records: [ImportRecord] = []
        var rejections: [RowRejection] = []
        try importer(text).run { event in
            switch event {
            case .record(let record): records.append(record)
            case .rejected(let rejection): rejections.append(rejection)
            }
        }
        #expect(records.map(\.sourceSystem) == ["SALES", "UW"])
        // The source column is read, so it is not an unmapped column carried as an attribute.
        #expect(records[0].otherAttributes == [ImportRecord.Attribute(key: "vip", value: "Y")])
        #expect(rejections.map(\.description) == ["line 4: the source system (column 'source_system') is empty"])
        #expect(rejections.first?.sourceKey == "X1" && rejections.first?.reason.code == "empty_source_system")
    }

    @Test func sourceStandsInWhereTheColumnIsEmpty() throws {
        let text = "source_system,source_key,full_name\nSALES,S1,张三\n,X1,王五\n"
        var systems: [String] = []
        try importer(text, source: "CORE").run { if case .record(let record) = $0 { systems.append(record.sourceSystem) } }
        #expect(systems == ["SALES", "CORE"])
    }

    @Test func theColumnMustBeInTheHeader() {
        let error = #expect(throws: MappingValidationError.self) {
            try importer("source_key,full_name\nS1,张三\n", column: "system")
        }
        #expect(error?.problems == [
            .columnNotInHeader(column: "system", field: "the source system (--source-column)", suggestion: "source_key"),
        ])
    }

    @Test func aRequiredFieldSuppliedElsewhereNeedNotBeMapped() throws {
        let text = "source_system,source_key,product_code\nSALES,P1,L101\n"
        #expect(throws: MappingValidationError.self) {
            try importer(text, map: "product_code=product_code", kind: .policies)
        }
        var records: [ImportRecord] = []
        try importer(text, map: "product_code=product_code", supplied: ["policyholder_key"], kind: .policies).run {
            if case .record(let record) = $0 { records.append(record) }
        }
        #expect(records.map(\.sourceKey) == ["P1"])
    }
}
