import IdentityAPI
import Models
import RecordImport
import Testing

@Suite struct PolicyConversionTests {
    /// Premiums in fen, as the generated book writes them in premium_fen and sum_insured_fen.
    let converter = WireRecordConverter(options: ValueReadingOptions(minorUnitFields: ["premium", "sum_insured"]))

    @Test func aPolicyRowWithItsParties() throws {
        let policy = try converter.policy(record(.policies, [
            "product_line": ["寿险"], "product_code": ["L101"], "product_name": ["终身寿险"],
            "policyholder_key": ["S1"], "insured_key": ["S2", "S3"], "insured_system": ["UW"],
            "insured_relation": ["配偶", "child"], "beneficiary_key": ["S4"], "beneficiary_relation": ["parent"],
            "beneficiary_share": ["100%"], "premium": ["1234500"], "payment_mode": ["semiannual"],
            "premium_term_years": ["20"], "sum_insured": ["50000000"], "application_date": ["2019-12-07"],
            "issue_date": ["20191220"], "effective_date": ["2019/12/21"], "end_date": ["2069-12-20"],
            "status": ["有效"], "status_date": ["2019-12-21"], "renewal_of": ["P0"], "group_policy": ["否"],
            "agent_code": ["A7"], "branch_code": ["BR1"], "sales_channel": ["agency"], "source_version": ["2"],
        ], key: "P1")).get()
        #expect(policy.ref == SourceRef(sourceSystem: "SALES", sourceKey: "P1"))
        #expect(policy.sourceVersion == 2)
        #expect(policy.productLine == .life && policy.productCode == "L101" && policy.productName == "终身寿险")
        #expect(policy.parties == [
            PolicyParty(party: SourceRef(sourceSystem: "SALES", sourceKey: "S1"), role: .policyholder),
            PolicyParty(party: SourceRef(sourceSystem: "UW", sourceKey: "S2"), role: .insured,
                        relationToPolicyholder: .spouse),
            PolicyParty(party: SourceRef(sourceSystem: "UW", sourceKey: "S3"), role: .insured,
                        relationToPolicyholder: .child),
            PolicyParty(party: SourceRef(sourceSystem: "SALES", sourceKey: "S4"), role: .beneficiary,
                        relationToPolicyholder: .parent, benefitShare: 1),
        ])
        #expect(policy.premium == Money(minorUnits: 1_234_500, currency: "CNY"))
        #expect(policy.paymentMode == .semiAnnual && policy.premiumTermYears == 20)
        #expect(policy.sumInsured == Money(minorUnits: 50_000_000, currency: "CNY"))
        #expect(policy.applicationDate == CalendarDate(year: 2019, month: 12, day: 7))
        #expect(policy.issueDate == CalendarDate(year: 2019, month: 12, day: 20))
        #expect(policy.effectiveDate == CalendarDate(year: 2019, month: 12, day: 21))
        #expect(policy.endDate == CalendarDate(year: 2069, month: 12, day: 20))
        #expect(policy.status == .inForce && policy.statusDate == CalendarDate(year: 2019, month: 12, day: 21))
        #expect(policy.renewalOf == "P0" && !policy.groupPolicy)
        #expect(policy.agentCode == "A7" && policy.branchCode == "BR1" && policy.salesChannel == "agency")
    }

    @Test func moneyInMajorUnitsWithTheRecordsCurrency() throws {
        let policy = try WireRecordConverter().policy(record(.policies, [
            "policyholder_key": ["S1"], "premium": ["1,234.50"], "currency": ["USD"],
        ])).get()
        #expect(policy.premium == Money(minorUnits: 123_450, currency: "USD"))
        #expect(policy.sumInsured == nil && policy.endDate == nil)
    }

    @Test func partiesFromARolesFileJoinThoseOnTheRowWithoutRepeats() throws {
        let holder = PolicyParty(party: SourceRef(sourceSystem: "SALES", sourceKey: "S1"), role: .policyholder)
        let insured = PolicyParty(party: SourceRef(sourceSystem: "POS", sourceKey: "B2"), role: .insured,
                                  relationToPolicyholder: .self)
        let policy = try converter.policy(record(.policies, ["policyholder_key": ["S1"]]), roles: [holder, insured]).get()
        #expect(policy.parties == [holder, insured])
        let fromRolesOnly = try converter.policy(record(.policies, [:]), roles: [insured, holder]).get()
        #expect(fromRolesOnly.parties == [insured, holder])
    }

    @Test func everyRejectionOfAPolicyRowSaysWhatToFix() {
        func reason(_ fields: [String: [String]], roles: [PolicyParty] = []) -> String? {
            rejection(converter.policy(record(.policies, ["policyholder_key": ["S1"]].merging(fields) { $1 }, key: "P9"),
                                       roles: roles))
        }
        #expect(reason(["payment_mode": ["weekly"]])
                    == "line 17: payment_mode \"weekly\" is not one of single, annual, semi_annual, quarterly, monthly")
        #expect(reason(["premium": ["12.5"]]) == "line 17: premium \"12.5\" is not a whole number of minor units (分)")
        #expect(reason(["premium_term_years": ["ten"]]) == "line 17: premium_term_years \"ten\" is not an integer")
        #expect(reason(["issue_date": ["2019-13-01"]]) == "line 17: issue_date \"2019-13-01\" is not a calendar date")
        #expect(reason(["group_policy": ["sometimes"]])
                    == "line 17: group_policy \"sometimes\" is not yes or no (true/false, 1/0, Y/N, 是/否)")
        #expect(reason(["currency": ["dollars"]])
                    == "line 17: currency \"dollars\" is not an ISO 4217 currency code (CNY, USD…)")
        #expect(reason(["insured_key": ["S2"], "insured_relation": ["spouse", "child"]])
                    == "line 17: insured_relation gives 2 values for 1 insured_key value")
        #expect(reason(["beneficiary_key": ["S4"], "beneficiary_share": ["0.5", "0.5"]])
                    == "line 17: beneficiary_share gives 2 values for 1 beneficiary_key value")
        #expect(reason(["beneficiary_key": ["S4", "S5"], "beneficiary_share": ["0.7", "0.6"]])
                    == "line 17: the beneficiaries' shares of policy P9 add up to 1.3, more than 1")
        #expect(reason(["beneficiary_key": ["S4"], "beneficiary_share": ["1.5"]])
                    == "line 17: beneficiary_share \"1.5\" is not between 0 and 1")
        #expect(rejection(converter.policy(record(.policies, ["insured_key": ["S2"]], key: "P9")))
                    == "line 17: policy P9 has no policyholder: policyholder_key is empty")
        let insured = PolicyParty(party: SourceRef(sourceSystem: "SALES", sourceKey: "S2"), role: .insured)
        #expect(rejection(converter.policy(record(.policies, [:], key: "P9"), roles: [insured]))
                    == "line 17: policy P9 has no policyholder: neither the row nor the roles file names one")
    }

    @Test func aRolesRow() throws {
        let party = try converter.policyParty(record(.policyRoles, [
            "party_key": ["B2"], "party_system": ["POS"], "role": ["受益人"], "relation_to_policyholder": ["子女"],
            "benefit_share": ["0.25"],
        ], key: "P1")).get()
        #expect(party == PolicyParty(party: SourceRef(sourceSystem: "POS", sourceKey: "B2"), role: .beneficiary,
                                     relationToPolicyholder: .child, benefitShare: 0.25))
        #expect(rejection(converter.policyParty(record(.policyRoles, ["party_key": ["B2"], "role": ["owner"]])))
                    == "line 17: role \"owner\" is not one of policyholder, insured, beneficiary")
        #expect(rejection(converter.policyParty(record(.policyRoles, [
            "party_key": ["B2"], "role": ["insured"], "benefit_share": ["0.5"],
        ]))) == "line 17: benefit_share is given for a insured, not a beneficiary")
    }
}

@Suite struct PolicyRoleBookTests {
    let converter = WireRecordConverter()

    func role(_ policy: String, _ party: String, _ role: String, line: Int, system: String = "SALES") -> ImportRecord {
        record(.policyRoles, ["party_key": [party], "role": [role]], key: policy, system: system, line: line)
    }

    @Test func rolesAreHeldByPolicyAndEveryRowIsAccountedFor() {
        var book = PolicyRoleBook()
        #expect(book.add(role("P1", "S1", "policyholder", line: 2), converter: converter) == nil)
        #expect(book.add(role("P1", "S2", "insured", line: 3), converter: converter) == nil)
        #expect(book.add(role("P2", "S3", "policyholder", line: 4), converter: converter) == nil)
        #expect(book.add(role("P3", "S4", "policyholder", line: 5), converter: converter) == nil)
        // Same policy number in another system: another policy.
        #expect(book.add(role("P1", "U1", "policyholder", line: 6, system: "UW"), converter: converter) == nil)
        let repeated = book.add(role("P1", "S2", "insured", line: 7), converter: converter)
        #expect(repeated?.description == "line 7: party SALES/S2 already has this role on policy P1 (line 3)")
        #expect(book.add(role("P1", "S2", "boss", line: 8), converter: converter)?.reason.code == "invalid_value")
        #expect(book.count == 5)

        let p1 = SourceRef(sourceSystem: "SALES", sourceKey: "P1")
        #expect(book.parties(of: p1).map(\.party.sourceKey) == ["S1", "S2"])
        #expect(book.parties(of: SourceRef(sourceSystem: "UW", sourceKey: "P1")).map(\.party.sourceKey) == ["U1"])
        #expect(book.parties(of: SourceRef(sourceSystem: "SALES", sourceKey: "P404")).isEmpty)

        // P1 (SALES) stored, P2 rejected at line 9 of the policies file, P3 and UW/P1 never in it.
        let settled = book.settle(stored: [p1], rejectedAt: [SourceRef(sourceSystem: "SALES", sourceKey: "P2"): 9])
        #expect(settled.stored == 2)
        #expect(settled.rejections.map(\.description) == [
            "line 4: policy P2 (line 9 of the policies file) was rejected",
            "line 5: policy P3 is not in the policies file",
            "line 6: policy P1 is not in the policies file",
        ])
        #expect(settled.rejections.map(\.reason.code) == ["policy_rejected", "policy_not_in_file", "policy_not_in_file"])
    }
}

@Suite struct BusinessConversionTests {
    let converter = WireRecordConverter(options: ValueReadingOptions(minorUnitFields: ["amount", "claimed_amount"]))

    @Test func payment() throws {
        let payment = try converter.payment(record(.payments, [
            "policy_number": ["P1"], "payer_key": ["S9"], "payer_system": ["POS"], "instalment": ["3"],
            "due_date": ["2024-01-01"], "paid_date": ["2024-01-05"], "amount": ["20796200"], "status": ["已缴"],
        ], key: "PAY1")).get()
        #expect(payment == PaymentRecord(
            ref: SourceRef(sourceSystem: "SALES", sourceKey: "PAY1"), sourceVersion: 1, policyNumber: "P1",
            payer: SourceRef(sourceSystem: "POS", sourceKey: "S9"), instalment: 3,
            dueDate: CalendarDate(year: 2024, month: 1, day: 1), paidDate: CalendarDate(year: 2024, month: 1, day: 5),
            amount: Money(minorUnits: 20_796_200, currency: "CNY"), status: .paid))
        let unpaid = try converter.payment(record(.payments, ["policy_number": ["P1"]])).get()
        #expect(unpaid.payer == nil && unpaid.paidDate == nil && unpaid.instalment == 0)
        #expect(rejection(converter.payment(record(.payments, ["policy_number": ["P1"], "instalment": ["-1"]])))
                    == "line 17: instalment \"-1\" is not between 0 and 2147483647")
        #expect(rejection(converter.payment(record(.payments, ["policy_number": ["P1"], "status": ["lost"]])))
                    == "line 17: status \"lost\" is not one of due, paid, overdue, waived, refunded")
    }

    @Test func claim() throws {
        let claim = try converter.claim(record(.claims, [
            "policy_number": ["P1"], "claimant_key": ["S2"], "incident_date": ["2020-03-06"],
            "reported_date": ["2020-03-29"], "closed_date": ["2020-04-03"], "claimed_amount": ["2135100"],
            "paid_amount": ["1,000.00"], "status": ["拒赔"], "fraud_flag": ["true"], "cause": ["theft"],
        ], key: "C1")).get()
        #expect(claim.claimant == SourceRef(sourceSystem: "SALES", sourceKey: "S2"))
        #expect(claim.claimedAmount == Money(minorUnits: 2_135_100, currency: "CNY"))
        #expect(claim.paidAmount == Money(minorUnits: 100_000, currency: "CNY"))  // not a *_fen field: major units
        #expect(claim.status == .declined && claim.fraudFlag && claim.cause == "theft")
        #expect(claim.incidentDate == CalendarDate(year: 2020, month: 3, day: 6))
        #expect(claim.closedDate == CalendarDate(year: 2020, month: 4, day: 3))
        #expect(rejection(converter.claim(record(.claims, ["policy_number": ["P1"], "claimant_key": ["S2"],
                                                           "fraud_flag": ["perhaps"]])))
                    == "line 17: fraud_flag \"perhaps\" is not yes or no (true/false, 1/0, Y/N, 是/否)")
        #expect(rejection(converter.claim(record(.claims, ["policy_number": ["P1"]])))
                    == "line 17: required field claimant_key is empty")
    }

    @Test func servicing() throws {
        let servicing = try converter.servicing(record(.servicing, [
            "policy_number": ["P1"], "requested_by_key": ["S1"], "type": ["退保"], "status": ["完成"],
            "requested_date": ["2021-06-10"], "closed_date": ["2021-06-22"], "amount": ["500000"],
            "description": ["受益人变更, 原受益人\"法定\""],
        ], key: "SV1")).get()
        #expect(servicing.requestedBy == SourceRef(sourceSystem: "SALES", sourceKey: "S1"))
        #expect(servicing.type == .surrender && servicing.status == .completed)
        #expect(servicing.amount == Money(minorUnits: 500_000, currency: "CNY"))
        #expect(servicing.description == "受益人变更, 原受益人\"法定\"")
        let bare = try converter.servicing(record(.servicing, ["policy_number": ["P1"], "type": ["other"]])).get()
        #expect(bare.amount == nil && bare.requestedBy == nil)
        #expect(rejection(converter.servicing(record(.servicing, ["policy_number": ["P1"], "type": ["upgrade"]])))?
                    .hasPrefix("line 17: type \"upgrade\" is not one of surrender, reinstatement,") == true)
    }

    @Test func serviceUsage() throws {
        let usage = try converter.serviceUsage(record(.serviceUsage, [
            "party_key": ["S1"], "party_system": ["UW"], "policy_number": ["P1"], "service_code": ["VAS21"],
            "service_name": ["家电维修上门"], "used_on": ["2022-01-21"],
        ], key: "U1")).get()
        #expect(usage == ServiceUsageRecord(
            ref: SourceRef(sourceSystem: "SALES", sourceKey: "U1"), sourceVersion: 1,
            party: SourceRef(sourceSystem: "UW", sourceKey: "S1"), policyNumber: "P1", serviceCode: "VAS21",
            serviceName: "家电维修上门", usedOn: CalendarDate(year: 2022, month: 1, day: 21)))
        #expect(rejection(converter.serviceUsage(record(.serviceUsage, ["party_key": ["S1"], "used_on": ["later"]])))
                    == "line 17: used_on \"later\" is not a date (YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD, YYYY年M月D日…)")
    }

    @Test func interaction() throws {
        let interaction = try converter.interaction(record(.interactions, [
            "party_key": ["S1"], "type": ["投诉"], "channel": ["微信"], "occurred_at": ["2022-10-10T14:11:37+08:00"],
            "topic": ["理赔时效"], "campaign_code": ["CMP1"], "referred_party_key": ["S7"],
            "referred_party_system": ["POS"], "resolved": ["1"],
        ], key: "IX1")).get()
        #expect(interaction.type == .complaint && interaction.channel == .wechat)
        #expect(interaction.occurredAt == Timestamp(unixMicros: 1_665_382_297_000_000))
        #expect(interaction.topic == "理赔时效" && interaction.campaignCode == "CMP1" && interaction.resolved)
        #expect(interaction.referredParty == SourceRef(sourceSystem: "POS", sourceKey: "S7"))
        #expect(rejection(converter.interaction(record(.interactions, ["party_key": ["S1"], "type": ["login"],
                                                                       "channel": ["pigeon"]])))?
                    .hasPrefix("line 17: channel \"pigeon\" is not one of phone, sms,") == true)
        #expect(rejection(converter.interaction(record(.interactions, ["party_key": ["S1"], "type": ["app_login"],
                                                                       "occurred_at": ["noon"]])))?
                    .hasPrefix("line 17: occurred_at \"noon\" is not a time") == true)
    }

    @Test func minorUnitFieldsFollowTheColumnNamesUnderAuto() throws {
        let mapping = try ImportKind.policies.validate(
            ColumnMapping(parsing: "policyholder_key=holder,premium=premium_fen,sum_insured=sum_insured"),
            keyColumn: "policy_number", header: nil)
        #expect(ValueReadingOptions.minorUnitFields(of: mapping, unit: .auto) == ["premium"])
        #expect(ValueReadingOptions.minorUnitFields(of: mapping, unit: .minor) == ["premium", "sum_insured"])
        #expect(ValueReadingOptions.minorUnitFields(of: mapping, unit: .major).isEmpty)
    }
}
