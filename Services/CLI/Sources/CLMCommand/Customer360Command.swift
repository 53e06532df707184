import ArgumentParser
import Foundation
import IdentityAPI
import Models

/// `clm customer 360 CODE`: everything identity knows of one customer.
struct Customer360Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "360",
        abstract: "Show a customer's 360 view: golden record, source records, policies with roles, payments, claims, "
            + "servicing, services used, interactions and relationships.",
        discussion: "An alias shows the customer it now belongs to. Business records come newest first. Personal data "
            + "is masked unless your uid holds the pii role.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A customer code or an alias.")
    var code: String

    @Option(name: .customLong("max-items"), help: "At most this many records of each kind (0: the service's 1000).")
    var maxItems: Int32 = 0

    func run() async throws {
        let view = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.getCustomer360,
                                    GetCustomer360Request(customerCode: code, maxItemsPerKind: maxItems))
        }
        if global.json {
            try printJSON(view)
        } else {
            print(Customer360Text(view: view, asked: code).lines.joined(separator: "\n"))
        }
    }
}

/// The 360 view as text: the customer as `clm customer show` prints it, then one section per kind of record.
struct Customer360Text {
    let view: GetCustomer360Response
    /// The code the operator gave, to say when it is an alias.
    let asked: String

    var lines: [String] {
        let customer = view.customer
        let alias = customer.aliases.contains(asked.trimmingCharacters(in: .whitespaces).uppercased())
        var lines = CustomerShowCommand.lines(customer, asked: asked, resolvedFromAlias: alias,
                                              masked: view.personalDataMasked)
        lines += sourceRecords
        lines += section("policies", view.policies.map(Self.policy),
                         header: ["policy", "product", "roles", "status", "premium", "mode", "annualised", "issued",
                                  "ends", "other customers"])
        lines += section("payments", view.payments.map(Self.payment),
                         header: ["payment", "policy", "instalment", "due", "paid on", "amount", "status"])
        lines += section("claims", view.claims.map(Self.claim),
                         header: ["claim", "policy", "claimant", "incident", "reported", "closed", "claimed", "paid",
                                  "status", "fraud", "cause"])
        lines += section("servicing", view.servicing.map(Self.servicing),
                         header: ["record", "policy", "type", "status", "requested", "closed", "amount", "description"])
        lines += section("services used", view.servicesUsed.map(Self.serviceUsage),
                         header: ["record", "service", "policy", "used on"])
        lines += section("interactions", view.interactions.map(Self.interaction),
                         header: ["record", "occurred", "type", "channel", "topic", "campaign", "resolved"])
        lines += section("relationships", view.relationships.map(Self.relationship),
                         header: ["from", "relationship", "to", "evidence", "since"])
        if view.truncated {
            lines += ["", "some kinds have more records than shown (the oldest were left out); see --max-items"]
        }
        return lines
    }

    /// A titled table, or `title: none`.
    private func section(_ title: String, _ rows: [[String]], header: [String]) -> [String] {
        guard !rows.isEmpty else { return ["", "\(title): none"] }
        return ["", "\(title) (\(rows.count)):"] + formatTable([header] + rows).map { "  " + $0 }
    }

    /// The party records linked to the customer, as their sources sent them, and the checks they did not pass.
    private var sourceRecords: [String] {
        let rows = view.sourceRecords.map { source in
            let details = source.record.details
            let name = !details.fullName.isEmpty ? details.fullName
                : [details.givenName, details.familyName].filter { !$0.isEmpty }.joined(separator: " ")
            let document = [details.documentType.label, details.documentNumber.isEmpty ? details.nationalId
                : details.documentNumber].filter { !$0.isEmpty }.joined(separator: " ")
            return [source.record.ref.text, String(source.record.sourceVersion), source.linkedBy,
                    source.linkWeight == 0 ? "" : MatchExplanation.weight(source.linkWeight),
                    formatTimestamp(source.linkedAt), name, document, Self.date(details.birthDate),
                    details.phones.joined(separator: ", ")]
        }
        var lines = section("source records", rows, header: ["record", "version", "linked by", "weight", "linked at",
                                                             "name", "document", "birth date", "phones"])
        for source in view.sourceRecords {
            for check in source.checks where check.validity != .valid && check.validity != .empty {
                lines.append("  \(source.record.ref.text) \(check.field): \(check.validity.label)"
                    + (check.note.isEmpty ? "" : " (\(check.note))"))
            }
        }
        return lines
    }

    private static func date(_ date: CalendarDate?) -> String { date?.description ?? "" }

    private static func money(_ money: Money?) -> String { money.map(\.description) ?? "" }

    private static func policy(_ view: PolicyView) -> [String] {
        let policy = view.policy
        let product = [policy.productLine.label, policy.productCode, policy.productName].filter { !$0.isEmpty }
        let others = view.otherParties.map { other in
            "\(other.role.label) \(other.customerCode)"
                + (other.relationToPolicyholder == .unspecified ? "" : " (\(other.relationToPolicyholder.label))")
        }
        return [policy.ref.text + (policy.groupPolicy ? " (group)" : ""), product.joined(separator: " "),
                view.customerRoles.map(\.label).joined(separator: ", "), policy.status.label, money(policy.premium),
                policy.paymentMode.label, money(view.annualisedPremium), date(policy.issueDate ?? policy.effectiveDate),
                date(policy.endDate), others.joined(separator: "; ")]
    }

    private static func payment(_ payment: PaymentRecord) -> [String] {
        [payment.ref.text, payment.policyNumber, payment.instalment > 0 ? String(payment.instalment) : "",
         date(payment.dueDate), date(payment.paidDate), money(payment.amount), payment.status.label]
    }

    private static func claim(_ claim: ClaimRecord) -> [String] {
        [claim.ref.text, claim.policyNumber, claim.claimant.text, date(claim.incidentDate), date(claim.reportedDate),
         date(claim.closedDate), money(claim.claimedAmount), money(claim.paidAmount), claim.status.label,
         claim.fraudFlag ? "yes" : "", claim.cause]
    }

    private static func servicing(_ record: ServicingRecord) -> [String] {
        [record.ref.text, record.policyNumber, record.type.label, record.status.label, date(record.requestedDate),
         date(record.closedDate), money(record.amount), record.description]
    }

    private static func serviceUsage(_ record: ServiceUsageRecord) -> [String] {
        [record.ref.text, [record.serviceCode, record.serviceName].filter { !$0.isEmpty }.joined(separator: " "),
         record.policyNumber, date(record.usedOn)]
    }

    private static func interaction(_ record: InteractionRecord) -> [String] {
        [record.ref.text, formatTimestamp(record.occurredAt), record.type.label, record.channel.label, record.topic,
         record.campaignCode, record.type == .complaint ? (record.resolved ? "yes" : "no") : ""]
    }

    static func relationship(_ relationship: Relationship) -> [String] {
        [relationship.fromCode, relationship.type.label, relationship.toCode, relationship.evidence,
         relationship.since.unixMicros == 0 ? "" : formatTimestamp(relationship.since)]
    }
}
