import RecordImport
import Testing

@Suite struct ColumnMappingTests {
    @Test func readsPairsWithChineseColumnNames() throws {
        let mapping = try ColumnMapping(parsing: "name=客户姓名, id_number = 证件号码")
        #expect(mapping.columnByField == ["name": "客户姓名", "id_number": "证件号码"])
    }

    @Test(arguments: ["name", "name=", "=col", "name=a,name=b"])
    func rejectsWhatIsNotAFieldColumnPair(text: String) {
        #expect(throws: ColumnMappingError.self) { try ColumnMapping(parsing: text) }
    }
}
