public import IdentityAPI
import Models

extension WireRecordConverter {
    /// A policy row as a `PolicyRecord`, with the parties named on the row (policyholder, insured, beneficiaries)
    /// followed by `roles` (from a policy-roles file; a party already on the row in the same role is not repeated).
    ///
    /// Rejected when a value cannot be read, when `insured_relation`, `beneficiary_relation` or `beneficiary_share`
    /// give more values than there are insured or beneficiaries, when the beneficiaries' shares add up to more than
    /// 1, or when no policyholder is named at all.
    public func policy(_ record: ImportRecord, roles: [PolicyParty] = []) -> Result<PolicyRecord, RowRejection> {
        precondition(record.kind == .policies, "policy(_:roles:) converts policy rows, not \(record.kind)")
        return convert(record) { (fields: FieldReader) throws(RowRejection) -> PolicyRecord in
            var policy = PolicyRecord(ref: fields.ref, sourceVersion: try fields.sourceVersion(),
                                      sourceUpdatedAt: try fields.timestamp("source_updated_at"))
            policy.productLine = try fields.choice("product_line", ProductLine.self) ?? .unspecified
            policy.productCode = fields.text("product_code")
            policy.productName = fields.text("product_name")
            policy.parties = try rowParties(fields)
            for party in roles where !policy.parties.contains(where: { $0.party == party.party && $0.role == party.role }) {
                policy.parties.append(party)
            }
            guard policy.parties.contains(where: { $0.role == .policyholder }) else {
                throw fields.reject(.invalidRecord("policy \(record.sourceKey) has no policyholder: "
                    + (roles.isEmpty ? "policyholder_key is empty" : "neither the row nor the roles file names one")))
            }
            let shares = policy.parties.filter { $0.role == .beneficiary }.map(\.benefitShare).reduce(0, +)
            guard shares <= 1.000_001 else {
                throw fields.reject(.invalidRecord("the beneficiaries' shares of policy \(record.sourceKey) add up to "
                    + "\(shares.formatted), more than 1"))
            }
            if let premium = try fields.money("premium") { policy.premium = premium }
            policy.paymentMode = try fields.choice("payment_mode", PaymentMode.self) ?? .unspecified
            policy.premiumTermYears = try fields.int32("premium_term_years", in: 0...150)
            policy.sumInsured = try fields.money("sum_insured")
            policy.applicationDate = try fields.date("application_date")
            policy.issueDate = try fields.date("issue_date")
            policy.effectiveDate = try fields.date("effective_date")
            policy.endDate = try fields.date("end_date")
            policy.status = try fields.choice("status", PolicyStatus.self) ?? .unspecified
            policy.statusDate = try fields.date("status_date")
            policy.renewalOf = fields.text("renewal_of")
            policy.groupPolicy = try fields.boolean("group_policy")
            policy.agentCode = fields.text("agent_code")
            policy.branchCode = fields.text("branch_code")
            policy.salesChannel = fields.text("sales_channel")
            return policy
        }
    }

    /// The parties a policy row names itself.
    private func rowParties(_ fields: FieldReader) throws(RowRejection) -> [PolicyParty] {
        var parties: [PolicyParty] = []
        if let holder = fields.partyRef("policyholder") {
            parties.append(PolicyParty(party: holder, role: .policyholder))
        }
        let insured = fields.partyRefs("insured")
        let insuredRelations = try fields.choices("insured_relation", PolicyholderRelation.self)
        try checkCount("insured_relation", insuredRelations.count, against: "insured_key", insured.count, fields)
        for (index, party) in insured.enumerated() {
            parties.append(PolicyParty(party: party, role: .insured,
                                       relationToPolicyholder: index < insuredRelations.count
                                           ? insuredRelations[index] : .unspecified))
        }
        let beneficiaries = fields.partyRefs("beneficiary")
        let beneficiaryRelations = try fields.choices("beneficiary_relation", PolicyholderRelation.self)
        try checkCount("beneficiary_relation", beneficiaryRelations.count, against: "beneficiary_key",
                       beneficiaries.count, fields)
        var shares: [Double] = []
        for text in fields.texts("beneficiary_share") {
            shares.append(try fields.decimal(text, field: "beneficiary_share", in: 0...1))
        }
        try checkCount("beneficiary_share", shares.count, against: "beneficiary_key", beneficiaries.count, fields)
        for (index, party) in beneficiaries.enumerated() {
            parties.append(PolicyParty(
                party: party, role: .beneficiary,
                relationToPolicyholder: index < beneficiaryRelations.count ? beneficiaryRelations[index] : .unspecified,
                benefitShare: index < shares.count ? shares[index] : 0))
        }
        return parties
    }

    private func checkCount(_ field: String, _ count: Int, against keys: String, _ keyCount: Int,
                            _ fields: FieldReader) throws(RowRejection) {
        guard count > keyCount else { return }
        throw fields.reject(.invalidRecord("\(field) gives \(count) value\(count == 1 ? "" : "s") for \(keyCount) "
            + "\(keys) value\(keyCount == 1 ? "" : "s")"))
    }

    /// A policy-roles row as the `PolicyParty` it adds to its policy (the row's source key is the policy number).
    public func policyParty(_ record: ImportRecord) -> Result<PolicyParty, RowRejection> {
        precondition(record.kind == .policyRoles, "policyParty(_:) converts policy-roles rows, not \(record.kind)")
        return convert(record) { (fields: FieldReader) throws(RowRejection) -> PolicyParty in
            guard let party = fields.partyRef("party") else {
                throw fields.reject(.requiredFieldEmpty(field: "party_key", columns: []))
            }
            let role = try fields.choice("role", PartyRole.self) ?? .unspecified
            let share = try record.value("benefit_share").map { (text: String) throws(RowRejection) -> Double in
                try fields.decimal(text, field: "benefit_share", in: 0...1)
            } ?? 0
            if share > 0, role != .beneficiary {
                throw fields.reject(.invalidRecord("benefit_share is given for a \(record.value("role") ?? "party"), "
                    + "not a beneficiary"))
            }
            return PolicyParty(party: party, role: role,
                               relationToPolicyholder: try fields.choice("relation_to_policyholder",
                                                                         PolicyholderRelation.self) ?? .unspecified,
                               benefitShare: share)
        }
    }

    /// A payment row as a `PaymentRecord`.
    public func payment(_ record: ImportRecord) -> Result<PaymentRecord, RowRejection> {
        precondition(record.kind == .payments, "payment(_:) converts payment rows, not \(record.kind)")
        return convert(record) { (fields: FieldReader) throws(RowRejection) -> PaymentRecord in
            var payment = PaymentRecord(ref: fields.ref, sourceVersion: try fields.sourceVersion(),
                                        sourceUpdatedAt: try fields.timestamp("source_updated_at"))
            payment.policyNumber = fields.text("policy_number")
            payment.payer = fields.partyRef("payer")
            payment.instalment = try fields.int32("instalment", in: 0...Int64(Int32.max))
            payment.dueDate = try fields.date("due_date")
            payment.paidDate = try fields.date("paid_date")
            if let amount = try fields.money("amount") { payment.amount = amount }
            payment.status = try fields.choice("status", PaymentStatus.self) ?? .unspecified
            return payment
        }
    }

    /// A claim row as a `ClaimRecord`.
    public func claim(_ record: ImportRecord) -> Result<ClaimRecord, RowRejection> {
        precondition(record.kind == .claims, "claim(_:) converts claim rows, not \(record.kind)")
        return convert(record) { (fields: FieldReader) throws(RowRejection) -> ClaimRecord in
            var claim = ClaimRecord(ref: fields.ref, sourceVersion: try fields.sourceVersion(),
                                    sourceUpdatedAt: try fields.timestamp("source_updated_at"))
            claim.policyNumber = fields.text("policy_number")
            guard let claimant = fields.partyRef("claimant") else {
                throw fields.reject(.requiredFieldEmpty(field: "claimant_key", columns: []))
            }
            claim.claimant = claimant
            claim.incidentDate = try fields.date("incident_date")
            claim.reportedDate = try fields.date("reported_date")
            claim.closedDate = try fields.date("closed_date")
            if let amount = try fields.money("claimed_amount") { claim.claimedAmount = amount }
            claim.paidAmount = try fields.money("paid_amount")
            claim.status = try fields.choice("status", ClaimStatus.self) ?? .unspecified
            claim.fraudFlag = try fields.boolean("fraud_flag")
            claim.cause = fields.text("cause")
            return claim
        }
    }

    /// A servicing row as a `ServicingRecord`.
    public func servicing(_ record: ImportRecord) -> Result<ServicingRecord, RowRejection> {
        precondition(record.kind == .servicing, "servicing(_:) converts servicing rows, not \(record.kind)")
        return convert(record) { (fields: FieldReader) throws(RowRejection) -> ServicingRecord in
            var servicing = ServicingRecord(ref: fields.ref, sourceVersion: try fields.sourceVersion(),
                                            sourceUpdatedAt: try fields.timestamp("source_updated_at"))
            servicing.policyNumber = fields.text("policy_number")
            servicing.requestedBy = fields.partyRef("requested_by")
            servicing.type = try fields.choice("type", ServicingType.self) ?? .unspecified
            servicing.status = try fields.choice("status", ServicingStatus.self) ?? .unspecified
            servicing.requestedDate = try fields.date("requested_date")
            servicing.closedDate = try fields.date("closed_date")
            servicing.amount = try fields.money("amount")
            servicing.description = fields.text("description")
            return servicing
        }
    }

    /// A service-usage row as a `ServiceUsageRecord`.
    public func serviceUsage(_ record: ImportRecord) -> Result<ServiceUsageRecord, RowRejection> {
        precondition(record.kind == .serviceUsage, "serviceUsage(_:) converts service-usage rows, not \(record.kind)")
        return convert(record) { (fields: FieldReader) throws(RowRejection) -> ServiceUsageRecord in
            var usage = ServiceUsageRecord(ref: fields.ref, sourceVersion: try fields.sourceVersion(),
                                           sourceUpdatedAt: try fields.timestamp("source_updated_at"))
            guard let party = fields.partyRef("party") else {
                throw fields.reject(.requiredFieldEmpty(field: "party_key", columns: []))
            }
            usage.party = party
            usage.policyNumber = fields.text("policy_number")
            usage.serviceCode = fields.text("service_code")
            usage.serviceName = fields.text("service_name")
            usage.usedOn = try fields.date("used_on")
            return usage
        }
    }

    /// An interaction row as an `InteractionRecord`.
    public func interaction(_ record: ImportRecord) -> Result<InteractionRecord, RowRejection> {
        precondition(record.kind == .interactions, "interaction(_:) converts interaction rows, not \(record.kind)")
        return convert(record) { (fields: FieldReader) throws(RowRejection) -> InteractionRecord in
            var interaction = InteractionRecord(ref: fields.ref, sourceVersion: try fields.sourceVersion(),
                                                sourceUpdatedAt: try fields.timestamp("source_updated_at"))
            guard let party = fields.partyRef("party") else {
                throw fields.reject(.requiredFieldEmpty(field: "party_key", columns: []))
            }
            interaction.party = party
            interaction.type = try fields.choice("type", InteractionType.self) ?? .unspecified
            interaction.channel = try fields.choice("channel", ContactChannel.self) ?? .unspecified
            if let occurred = try fields.timestamp("occurred_at") { interaction.occurredAt = occurred }
            interaction.topic = fields.text("topic")
            interaction.campaignCode = fields.text("campaign_code")
            interaction.referredParty = fields.partyRef("referred_party")
            interaction.resolved = try fields.boolean("resolved")
            return interaction
        }
    }
}
