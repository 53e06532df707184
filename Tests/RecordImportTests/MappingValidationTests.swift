import RecordImport
import Testing

@Suite struct MappingValidationTests {
    let header = ["客户号", "客户姓名", "证件类型", "证件号码", "手机", "电话", "出生日期"]

    @Test func aliasesResolveToCatalogueNames() throws {
        let mapping = try ColumnMapping(parsing: "name=客户姓名,id_type=证件类型,id_number=证件号码,phone=手机,phone=电话,dob=出生日期",
                                        allowingRepeatedFields: true)
        let resolved = try ImportKind.parties.validate(mapping, keyColumn: "客户号", header: header)
        #expect(resolved.columns(for: "full_name") == ["客户姓名"])
        #expect(resolved.columns(for: "document_number") == ["证件号码"])
        #expect(resolved.columns(for: "phones") == ["手机", "电话"])
        #expect(resolved.columns(for: "birth_date") == ["出生日期"])
        #expect(resolved.columnsRead == ["客户号", "客户姓名", "证件类型", "证件号码", "出生日期", "手机", "电话"])
    }

    @Test func unknownFieldNamesTheClosestKnownField() throws {
        let mapping = try ColumnMapping(parsing: "full_nmae=客户姓名,birthdate=出生日期")
        let error = try #require(throws: MappingValidationError.self) {
            try ImportKind.parties.validate(mapping, keyColumn: "客户号", header: header)
        }
        #expect(error.problems.contains(.unknownField("full_nmae", suggestion: "full_name", knownIn: [])))
        #expect(error.problems.contains(.unknownField("birthdate", suggestion: "birth_date", knownIn: [])))
        #expect(error.description.contains("did you mean 'full_name'?"))
    }

    @Test func aFieldOfAnotherKindSaysSo() throws {
        let mapping = try ColumnMapping(parsing: "name=客户姓名,premium=手机")
        let error = try #require(throws: MappingValidationError.self) {
            try ImportKind.parties.validate(mapping, keyColumn: "客户号", header: header)
        }
        guard case .unknownField("premium", _, let knownIn) = try #require(error.problems.first) else {
            Issue.record("expected an unknown field")
            return
        }
        #expect(knownIn == [.policies])
        #expect(error.description.contains("'premium' is a field of policies"))
    }

    @Test func requiredFieldsAndGroupsMissing() throws {
        let noName = try ColumnMapping(parsing: "phone=手机")
        let partyError = try #require(throws: MappingValidationError.self) {
            try ImportKind.parties.validate(noName, keyColumn: "客户号", header: header)
        }
        #expect(partyError.problems == [.requiredGroupNotMapped(group: "name", fields: ["full_name", "given_name", "family_name"])])

        let claims = try ColumnMapping(parsing: "incident_date=出险日期")
        let claimError = try #require(throws: MappingValidationError.self) {
            try ImportKind.claims.validate(claims, keyColumn: "赔案号", header: nil)
        }
        #expect(claimError.problems == [.requiredFieldNotMapped("policy_number"), .requiredFieldNotMapped("claimant_key")])
    }

    @Test func familyNameAloneSatisfiesTheNameGroup() throws {
        let mapping = try ColumnMapping(parsing: "surname=客户姓名")
        _ = try ImportKind.parties.validate(mapping, keyColumn: "客户号", header: header)
    }

    @Test func singleValuedFieldTakesOneColumn() throws {
        let mapping = try ColumnMapping(parsing: "name=客户姓名,full_name=证件号码", allowingRepeatedFields: true)
        let error = try #require(throws: MappingValidationError.self) {
            try ImportKind.parties.validate(mapping, keyColumn: "客户号", header: header)
        }
        #expect(error.problems == [.singleValuedFieldMappedTwice(field: "full_name", columns: ["客户姓名", "证件号码"])])
    }

    @Test func columnsAndKeyMustBeInTheHeader() throws {
        let mapping = try ColumnMapping(parsing: "name=客户姓")
        let error = try #require(throws: MappingValidationError.self) {
            try ImportKind.parties.validate(mapping, keyColumn: "客户编号", header: header)
        }
        #expect(error.problems == [
            .columnNotInHeader(column: "客户编号", field: nil, suggestion: "客户号"),
            .columnNotInHeader(column: "客户姓", field: "full_name", suggestion: "客户姓名"),
        ])
    }

    @Test func duplicateHeaderColumnIsAmbiguousOnlyWhenMapped() throws {
        let header = ["id", "name", "phone", "phone"]
        _ = try ImportKind.parties.validate(try ColumnMapping(parsing: "name=name"), keyColumn: "id", header: header)
        let error = try #require(throws: MappingValidationError.self) {
            try ImportKind.parties.validate(try ColumnMapping(parsing: "name=name,phone=phone"), keyColumn: "id", header: header)
        }
        #expect(error.problems == [.ambiguousColumn(column: "phone", occurrences: 2)])
    }

    @Test func mapFileWithCommentsBlankLinesAndRepeats() throws {
        let text = """
            # 核心系统客户表
            name = 客户姓名

            id_number=证件号码
            phone=手机
            phone=电话   
            address=地址,含门牌
            """
        let mapping = try ColumnMapping(mapFile: text)
        #expect(mapping.entries.map(\.field) == ["name", "id_number", "phone", "phone", "address"])
        #expect(mapping.columnsByField["phone"] == ["手机", "电话"])
        #expect(mapping.columnByField["phone"] == "手机")
        #expect(mapping.columnByField["address"] == "地址,含门牌")
    }

    @Test func mapFileErrorsNameTheLine() throws {
        let error = try #require(throws: ColumnMappingError.self) { try ColumnMapping(mapFile: "name=a\n\nphone\n") }
        #expect(error.line == 3)
        #expect(error.description == "mapping file line 3 'phone': expected field=column")
    }

    @Test func mergingMapAndMapFile() throws {
        let merged = try ColumnMapping(parsing: "name=客户姓名").merging(try ColumnMapping(mapFile: "phone=手机"))
        #expect(merged.columnsByField == ["name": ["客户姓名"], "phone": ["手机"]])
        #expect(throws: ColumnMappingError.self) { try merged.merging(try ColumnMapping(parsing: "name=客户姓名")) }
    }

    @Test func kindsFromTheCommandLine() {
        #expect(ImportKind(argument: "parties") == .parties)
        #expect(ImportKind(argument: "policy_roles") == .policyRoles)
        #expect(ImportKind(argument: "Service-Usage") == .serviceUsage)
        #expect(ImportKind(argument: "claim") == .claims)
        #expect(ImportKind(argument: "customers") == nil)
    }

    @Test func everyKindHasFieldsWithUniqueNamesAndAHelpText() {
        for kind in ImportKind.allCases {
            let names = kind.fields.flatMap { [$0.name] + $0.aliases }
            #expect(Set(names).count == names.count, "\(kind)")
            let help = kind.helpText()
            for field in kind.fields { #expect(help.contains(field.name), "\(kind) \(field.name)") }
            #expect(help.contains("iconv -f GB18030 -t UTF-8"))
            #expect(kind.markdownFieldTable().split(separator: "\n").count == kind.fields.count + 2)
        }
        #expect(ImportHelp.overview().contains("policy-roles"))
    }

    @Test func partyCatalogueCoversTheIssuesFieldList() {
        for name in ["full_name", "given_name", "family_name", "document_type", "document_number", "national_id",
                     "birth_date", "sex", "phones", "email", "address_lines", "street_number", "city", "province",
                     "postcode"] {
            #expect(ImportKind.parties.field(named: name) != nil, "\(name)")
        }
        #expect(ImportKind.parties.field(named: "suburb")?.name == "city")
        #expect(ImportKind.parties.field(named: "State")?.name == "province")
        #expect(ImportKind.parties.field(named: "phones")?.isMultiValued == true)
    }

    @Test func choiceLabelsResolveToProtoNames() throws {
        let mode = try #require(ImportKind.policies.field(named: "payment_mode"))
        #expect(mode.choice(matching: " 年交 ") == "annual")
        #expect(mode.choice(matching: "MONTHLY") == "monthly")
        #expect(mode.choice(matching: "weekly") == nil)
        #expect(ImportKind.parties.field(named: "sex")?.choice(matching: "女") == "female")
    }
}
