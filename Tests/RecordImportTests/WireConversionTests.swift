import IdentityAPI
import Models
import RecordImport
import Testing

/// A record of `kind` with the given catalogue fields, as the mapper makes it.
func record(_ kind: ImportKind, _ fields: [String: [String]], key: String = "K1", system: String = "SALES",
            line: Int = 17, others: [ImportRecord.Attribute] = []) -> ImportRecord {
    ImportRecord(kind: kind, sourceSystem: system, sourceKey: key, line: line, fields: fields, otherAttributes: others)
}

/// The rejection's text, `line 17: …`, or nil when the conversion succeeded.
func rejection<Wire>(_ result: Result<Wire, RowRejection>) -> String? {
    if case .failure(let rejection) = result { return rejection.description }
    return nil
}

@Suite struct PartyConversionTests {
    let converter = WireRecordConverter()

    @Test func everyFieldGoesWhereTheProtoSays() throws {
        let party = try converter.party(record(.parties, [
            "kind": ["个人"], "full_name": ["张三"], "given_name": ["三"], "family_name": ["张"],
            "document_type": ["身份证"], "document_number": ["11010519491231002X"], "national_id": ["110105194912310021"],
            "birth_date": ["19491231"], "sex": ["男"], "phones": ["13800138000", "010-12345678"], "email": ["z@x.cn"],
            "address_lines": ["朝阳路1号", "3幢2单元502"], "street_number": ["1号"], "city": ["北京市"],
            "province": ["北京"], "postcode": ["100020"], "country": ["CN"], "occupation": ["教师"],
            "occupation_class": ["2"], "declared_habits": ["吸烟", "heavy_drinking"],
            "unified_social_credit_code": ["91350102449714927D"], "employer_name": ["某某公司"],
            "employer_key": ["ORG9"], "source_version": ["3"], "source_updated_at": ["2024-03-01T09:30:00+08:00"],
        ], others: [.init(key: "vip", value: "Y")])).get()
        #expect(party.ref == SourceRef(sourceSystem: "SALES", sourceKey: "K1"))
        #expect(party.sourceVersion == 3)
        #expect(party.sourceUpdatedAt == Timestamp(unixMicros: 1_709_256_600_000_000))
        let d = party.details
        #expect(d.kind == .individual)
        #expect(d.fullName == "张三" && d.givenName == "三" && d.familyName == "张")
        #expect(d.documentType == .residentId && d.documentNumber == "11010519491231002X")
        #expect(d.nationalId == "110105194912310021")
        #expect(d.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
        #expect(d.sex == .male)
        #expect(d.phones == ["13800138000", "010-12345678"] && d.email == "z@x.cn")
        #expect(d.addressLines == ["朝阳路1号", "3幢2单元502"] && d.streetNumber == "1号")
        #expect(d.city == "北京市" && d.province == "北京" && d.postcode == "100020" && d.country == "CN")
        #expect(d.occupation == "教师" && d.occupationClass == 2)
        #expect(d.declaredHabits == [.smoking, .heavyDrinking])
        #expect(d.unifiedSocialCreditCode == "91350102449714927D" && d.employerName == "某某公司")
        // An employer reference without a system is in the record's own system.
        #expect(d.employer == SourceRef(sourceSystem: "SALES", sourceKey: "ORG9"))
        #expect(d.otherAttributes == [KeyValue(key: "vip", value: "Y")])
    }

    @Test func unmappedVersionIsOneAndUnmappedUpdateTimeIsAbsent() throws {
        let party = try converter.party(record(.parties, ["full_name": ["李四"]])).get()
        #expect(party.sourceVersion == 1)
        #expect(party.sourceUpdatedAt == nil)
        #expect(party.details.kind == .unspecified && party.details.sex == .unspecified)
        #expect(party.details.birthDate == nil && party.details.employer == nil && party.details.otherAttributes.isEmpty)
    }

    @Test(arguments: ["not a date", "1990-02-30", "03/04/1990", "19901340", "１９９０年"])
    func anUnreadableBirthDateIsPassedOnNotRejected(raw: String) throws {
        let party = try converter.party(record(.parties, ["full_name": ["王五"], "birth_date": [raw]],
                                               others: [.init(key: "branch", value: "BJ")])).get()
        #expect(party.details.birthDate == nil)
        #expect(party.details.otherAttributes == [KeyValue(key: "branch", value: "BJ"), KeyValue(key: "birth_date", value: raw)])
    }

    @Test func aReadableButImplausibleBirthDateIsSentForTheServiceToFlag() throws {
        // A real calendar date in the future: the service's birth-date rules flag it; the importer does not judge.
        let party = try converter.party(record(.parties, ["full_name": ["王五"], "birth_date": ["2090-01-01"]])).get()
        #expect(party.details.birthDate == CalendarDate(year: 2090, month: 1, day: 1))
        #expect(party.details.otherAttributes.isEmpty)
    }

    @Test func identifiersPhonesAndEmailAreNeverJudgedHere() throws {
        let party = try converter.party(record(.parties, [
            "full_name": ["赵六"], "document_number": ["123"], "national_id": ["11010519491231002Y"],
            "phones": ["not a phone"], "email": ["@@"], "unified_social_credit_code": ["short"],
        ])).get()
        #expect(party.details.documentNumber == "123" && party.details.nationalId == "11010519491231002Y")
        #expect(party.details.phones == ["not a phone"] && party.details.email == "@@")
        #expect(party.details.unifiedSocialCreditCode == "short")
    }

    @Test func choicesByLabelValueAndProtoNumber() throws {
        func party(_ fields: [String: [String]]) throws -> PartyDetails {
            try converter.party(record(.parties, ["full_name": ["X"]].merging(fields) { $1 })).get().details
        }
        #expect(try party(["kind": ["organisation"]]).kind == .organisation)
        #expect(try party(["kind": ["企业"]]).kind == .organisation)
        #expect(try party(["document_type": ["1"]]).documentType == .residentId)
        #expect(try party(["document_type": ["9"]]).documentType == .unifiedSocialCreditCode)
        #expect(try party(["document_type": ["unified_social_credit_code"]]).documentType == .unifiedSocialCreditCode)
        #expect(try party(["document_type": ["PASSPORT"]]).documentType == .passport)
        #expect(try party(["sex": ["F"]]).sex == .female)
        #expect(try party(["sex": ["2"]]).sex == .female)
        #expect(try party(["sex": ["未知"]]).sex == .unspecified)
        #expect(try party(["sex": ["9"]]).sex == .unspecified)
    }

    @Test func everyRejectionOfAPartyRowSaysWhatToFix() {
        func reason(_ fields: [String: [String]]) -> String? {
            rejection(converter.party(record(.parties, ["full_name": ["X"]].merging(fields) { $1 })))
        }
        #expect(reason(["occupation_class": ["x"]]) == "line 17: occupation_class \"x\" is not an integer")
        #expect(reason(["occupation_class": ["7"]]) == "line 17: occupation_class \"7\" is not between 1 and 6")
        #expect(reason(["kind": ["robot"]]) == "line 17: kind \"robot\" is not one of individual, organisation")
        #expect(reason(["sex": ["X"]]) == "line 17: sex \"X\" is not one of male, female, unspecified")
        #expect(reason(["document_type": ["12"]])?.hasPrefix("line 17: document_type \"12\" is not one of resident_id,")
                    == true)
        #expect(reason(["declared_habits": ["smoking", "knitting"]])?.hasPrefix(
            "line 17: declared_habits \"knitting\" is not one of smoking,") == true)
        #expect(reason(["source_version": ["0"]]) == "line 17: source_version \"0\" is not between 1 and "
                    + "\(Int64.max)")
        #expect(reason(["source_version": ["v2"]]) == "line 17: source_version \"v2\" is not an integer")
        #expect(reason(["source_updated_at": ["last week"]]) == "line 17: source_updated_at \"last week\" is not a "
                    + "time (2024-03-01T09:30:00+08:00, 2024-03-01 09:30, or a date)")
    }

    @Test func aNULCharacterRejectsTheRowRatherThanTheWholeBatch() {
        #expect(rejection(converter.party(record(.parties, ["full_name": ["a\u{0}b"]])))
                    == "line 17: full_name holds a NUL character (U+0000), which no field may hold")
        #expect(rejection(converter.party(record(.parties, ["full_name": ["a"]], others: [.init(key: "note", value: "\u{0}")])))
                    == "line 17: column note holds a NUL character (U+0000), which no field may hold")
        #expect(rejection(converter.payment(record(.payments, ["policy_number": ["P1"]], key: "K\u{0}")))
                    == "line 17: the source key holds a NUL character (U+0000), which no field may hold")
    }

    @Test func aRejectionCarriesTheLineKeyAndACode() throws {
        let result = converter.party(record(.parties, ["full_name": ["X"], "occupation_class": ["x"]], key: "C9",
                                            line: 40))
        guard case .failure(let rejection) = result else {
            Issue.record("expected a rejection")
            return
        }
        #expect(rejection.line == 40 && rejection.sourceKey == "C9" && rejection.reason.code == "invalid_value")
    }

    @Test func everyCatalogueChoiceHasItsProtoEnumCase() {
        // The catalogue's values must name the proto's cases, or a valid source value would be rejected.
        func check<E: RawRepresentable & CaseIterable>(_ kind: ImportKind, _ field: String, _: E.Type)
        where E.RawValue == String {
            guard let catalogueField = kind.field(named: field), case .choice(let choices) = catalogueField.valueType
            else {
                Issue.record("\(kind).\(field) is not a choice field")
                return
            }
            for choice in choices {
                #expect(ChoiceMapping.enumCase(E.self, value: choice.value) != nil, "\(kind).\(field) \(choice.value)")
            }
            // And every proto case but UNSPECIFIED can be given.
            let reachable = Set(choices.compactMap { ChoiceMapping.enumCase(E.self, value: $0.value)?.rawValue })
            for value in E.allCases.dropFirst() where !reachable.contains(value.rawValue) {
                Issue.record("\(kind).\(field): \(value.rawValue) has no catalogue value")
            }
        }
        check(.parties, "kind", PartyKind.self)
        check(.parties, "document_type", IdentityAPI.DocumentType.self)
        check(.parties, "sex", IdentityAPI.Sex.self)
        check(.parties, "declared_habits", DeclaredHabit.self)
        check(.policies, "product_line", ProductLine.self)
        check(.policies, "insured_relation", PolicyholderRelation.self)
        check(.policies, "payment_mode", PaymentMode.self)
        check(.policies, "status", PolicyStatus.self)
        check(.policyRoles, "role", PartyRole.self)
        check(.payments, "status", PaymentStatus.self)
        check(.claims, "status", ClaimStatus.self)
        check(.servicing, "type", ServicingType.self)
        check(.servicing, "status", ServicingStatus.self)
        check(.interactions, "type", InteractionType.self)
        check(.interactions, "channel", ContactChannel.self)
    }
}
