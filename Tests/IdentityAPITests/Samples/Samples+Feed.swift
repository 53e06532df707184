import IdentityAPI
import Models

// Fully populated values: every field set to a value other than its default, every optional present.

extension CustomerCreated {
    static let sample = CustomerCreated(customerCode: "customer_code#0 张三 Zoë 🙂", profile: CustomerProfile.sample,
        record: SourceRef.sample, operationId: "operation_id#0 张三 Zoë 🙂")
}

extension CustomerUpdated {
    static let sample = CustomerUpdated(customerCode: "customer_code#0 张三 Zoë 🙂", profile: CustomerProfile.sample,
        changedAttributes: ["changed_attributes#0 张三 Zoë 🙂", "changed_attributes#1 张三 Zoë 🙂"],
        operationId: "operation_id#0 张三 Zoë 🙂")
}

extension CustomersMerged {
    static let sample = CustomersMerged(survivorCode: "survivor_code#0 张三 Zoë 🙂", mergedCode: "merged_code#0 张三 Zoë 🙂",
        operationId: "operation_id#0 张三 Zoë 🙂", operatorId: "operator_id#0 张三 Zoë 🙂", reason: "reason#0 张三 Zoë 🙂",
        profile: CustomerProfile.sample)
}

extension CustomerSplit {
    static let sample = CustomerSplit(customerCode: "customer_code#0 张三 Zoë 🙂",
        newCustomerCode: "new_customer_code#0 张三 Zoë 🙂", movedRecords: [SourceRef.sample, SourceRef.sample],
        operationId: "operation_id#0 张三 Zoë 🙂", operatorId: "operator_id#0 张三 Zoë 🙂", reason: "reason#0 张三 Zoë 🙂",
        profile: CustomerProfile.sample, newProfile: CustomerProfile.sample)
}

extension OperationUndone {
    static let sample = OperationUndone(undoneOperationId: "undone_operation_id#0 张三 Zoë 🙂", undoneType: .reviewDecided,
        operationId: "operation_id#0 张三 Zoë 🙂",
        customerCodes: ["customer_codes#0 张三 Zoë 🙂", "customer_codes#1 张三 Zoë 🙂"], operatorId: "operator_id#0 张三 Zoë 🙂",
        reason: "reason#0 张三 Zoë 🙂")
}

extension CustomerErased {
    static let sample = CustomerErased(customerCode: "customer_code#0 张三 Zoë 🙂",
        operationId: "operation_id#0 张三 Zoë 🙂")
}

extension PolicyRole {
    static let sample = PolicyRole(customerCode: "customer_code#0 张三 Zoë 🙂", role: .beneficiary,
        relationToPolicyholder: .parent)
}

extension PolicyLinked {
    static let sample = PolicyLinked(policyKey: "policy_key#0 张三 Zoë 🙂", productLine: .accident,
        productCode: "product_code#0 张三 Zoë 🙂", parties: [PolicyRole.sample, PolicyRole.sample],
        premium: CommonSamples.money, paymentMode: .annual, annualisedPremium: CommonSamples.money,
        premiumTermYears: -81000243, sumInsured: CommonSamples.money, issueDate: CommonSamples.date,
        effectiveDate: CommonSamples.date, endDate: CommonSamples.date, status: .matured,
        statusDate: CommonSamples.date, renewalOf: "renewal_of#0 张三 Zoë 🙂", groupPolicy: true,
        agentCode: "agent_code#0 张三 Zoë 🙂", sourceVersion: -724000001267)
}

extension PaymentLinked {
    static let sample = PaymentLinked(paymentKey: "payment_key#0 张三 Zoë 🙂", policyKey: "policy_key#0 张三 Zoë 🙂",
        customerCode: "customer_code#0 张三 Zoë 🙂", productLine: .auto, instalment: -51000153,
        dueDate: CommonSamples.date, paidDate: CommonSamples.date, amount: CommonSamples.money, status: .refunded,
        sourceVersion: -404000000707)
}

extension ClaimLinked {
    static let sample = ClaimLinked(claimKey: "claim_key#0 张三 Zoë 🙂", policyKey: "policy_key#0 张三 Zoë 🙂",
        customerCode: "customer_code#0 张三 Zoë 🙂", policyholderCode: "policyholder_code#0 张三 Zoë 🙂",
        productLine: .property, incidentDate: CommonSamples.date, reportedDate: CommonSamples.date,
        closedDate: CommonSamples.date, claimedAmount: CommonSamples.money, paidAmount: CommonSamples.money,
        status: .withdrawn, fraudFlag: true, sourceVersion: -524000000917)
}

extension ServicingLinked {
    static let sample = ServicingLinked(servicingKey: "servicing_key#0 张三 Zoë 🙂", policyKey: "policy_key#0 张三 Zoë 🙂",
        customerCode: "customer_code#0 张三 Zoë 🙂", productLine: .auto, type: .paymentModeChange, status: .rejected,
        requestedDate: CommonSamples.date, closedDate: CommonSamples.date, amount: CommonSamples.money,
        sourceVersion: -404000000707)
}

extension ServiceUsageLinked {
    static let sample = ServiceUsageLinked(usageKey: "usage_key#0 张三 Zoë 🙂", customerCode: "customer_code#0 张三 Zoë 🙂",
        policyKey: "policy_key#0 张三 Zoë 🙂", serviceCode: "service_code#0 张三 Zoë 🙂",
        serviceName: "service_name#0 张三 Zoë 🙂", usedOn: CommonSamples.date, sourceVersion: -284000000497)
}

extension InteractionLinked {
    static let sample = InteractionLinked(interactionKey: "interaction_key#0 张三 Zoë 🙂",
        customerCode: "customer_code#0 张三 Zoë 🙂", type: .referral, channel: .wechat,
        occurredAt: CommonSamples.timestamp, topic: "topic#0 张三 Zoë 🙂", campaignCode: "campaign_code#0 张三 Zoë 🙂",
        referredCustomerCode: "referred_customer_code#0 张三 Zoë 🙂", resolved: true, sourceVersion: -404000000707)
}
