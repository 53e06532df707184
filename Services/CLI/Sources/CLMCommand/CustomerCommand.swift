import ArgumentParser
import Foundation
import IdentityAPI
import Models
import NIOCore
import RPC
import RecordImport

/// `clm customer …`: one customer of the identity service.
struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Show a customer, its 360 view or relationships, or find the customer of a source record.",
        subcommands: [CustomerShowCommand.self, Customer360Command.self, CustomerRelationshipsCommand.self,
                      CustomerFindCommand.self])
}

/// `clm customer show CODE`: golden record with lineage, aliases.
struct CustomerShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a customer's golden record, the lineage of each attribute, its checks and aliases.",
        discussion: "An alias (a code merged into another customer) shows the customer it now belongs to. Personal "
            + "data is masked unless your uid holds the pii role.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A customer code or an alias.")
    var code: String

    func run() async throws {
        let answer = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: code))
        }
        if global.json {
            try printJSON(answer)
        } else {
            print(Self.render(answer, asked: code))
        }
    }

    static func render(_ answer: GetCustomerResponse, asked: String) -> String {
        lines(answer.customer, asked: asked, resolvedFromAlias: answer.resolvedFromAlias,
              masked: answer.personalDataMasked).joined(separator: "\n")
    }

    /// The customer's code and status, aliases, golden record with lineage, and the checks that did not pass.
    static func lines(_ customer: Customer, asked: String, resolvedFromAlias: Bool, masked: Bool) -> [String] {
        var lines = ["customer \(customer.customerCode)  \(customer.status.label.uppercased())"
            + (resolvedFromAlias ? "  (\(asked) is an alias of it)" : "")]
        if !customer.survivorCode.isEmpty { lines.append("merged into \(customer.survivorCode)") }
        lines.append("source records: \(customer.sourceRecordCount); created \(formatTimestamp(customer.createdAt)), "
            + "updated \(formatTimestamp(customer.updatedAt))")
        lines.append("aliases: " + (customer.aliases.isEmpty ? "none" : customer.aliases.joined(separator: ", ")))
        lines.append("")
        lines.append("golden record" + (masked ? " (personal data masked)" : "") + ":")
        let lineage = Dictionary(customer.golden.lineage.map { ($0.attribute, $0) }, uniquingKeysWith: { first, _ in first })
        var table: [[String]] = [["attribute", "value", "from", "rule"]]
        // The service may give one lineage for a group of attributes: the address, the identity document.
        let groups = ["address_lines": "address", "street_number": "address", "city": "address", "province": "address",
                      "postcode": "address", "country": "address", "document_type": "document_number"]
        for (name, value) in partyDetailValues(customer.golden.details) {
            let source = lineage[name] ?? groups[name].flatMap { lineage[$0] }
            table.append([name, value, source?.source.text ?? "",
                          source.map { $0.rule + ($0.sourceUpdatedAt.map { " @ \(formatTimestamp($0))" } ?? "") } ?? ""])
        }
        lines += formatTable(table).map { "  " + $0 }
        let checks = customer.golden.checks.filter { $0.validity != .valid && $0.validity != .empty }
        if !checks.isEmpty {
            lines.append("")
            lines.append("checks:")
            for check in checks {
                lines.append("  \(check.field): \(check.validity.label)"
                    + (check.note.isEmpty ? "" : " (\(check.note))"))
            }
        }
        return lines
    }
}

/// `clm customer find --source S --key K`: the customer a source record belongs to.
struct CustomerFindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find", abstract: "Find the customer a party record belongs to, by source system and key.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The record's source system.")
    var source: String

    @Option(help: "The record's key in that system.")
    var key: String

    func run() async throws {
        let answer = try await global.withIdentity { identity in
            try await identity.call(
                IdentityAPI.findCustomerBySourceKey,
                FindCustomerBySourceKeyRequest(ref: SourceRef(sourceSystem: source, sourceKey: key)))
        }
        if global.json {
            try printJSON(answer)
        } else if answer.pending || answer.customerCode.isEmpty {
            print("\(source)/\(key): stored, not resolved yet (resolution deferred)")
        } else {
            print("\(source)/\(key) → customer \(answer.customerCode)")
        }
    }
}

/// The attributes of a party that have a value, by their `PartyDetails` field names, in the proto's order.
func partyDetailValues(_ details: PartyDetails) -> [(String, String)] {
    var values: [(String, String)] = []
    func add(_ field: String, _ value: String) { if !value.isEmpty { values.append((field, value)) } }
    add("kind", details.kind.label)
    add("full_name", details.fullName)
    add("given_name", details.givenName)
    add("family_name", details.familyName)
    add("document_type", details.documentType.label)
    add("document_number", details.documentNumber)
    add("national_id", details.nationalId)
    add("birth_date", details.birthDate.map(\.description) ?? "")
    add("sex", details.sex.label)
    add("phones", details.phones.joined(separator: ", "))
    add("email", details.email)
    add("address_lines", details.addressLines.joined(separator: " / "))
    add("street_number", details.streetNumber)
    add("city", details.city)
    add("province", details.province)
    add("postcode", details.postcode)
    add("country", details.country)
    add("occupation", details.occupation)
    if details.occupationClass > 0 { add("occupation_class", String(details.occupationClass)) }
    add("declared_habits", details.declaredHabits.map(\.label).joined(separator: ", "))
    add("unified_social_credit_code", details.unifiedSocialCreditCode)
    add("employer_name", details.employerName)
    add("employer", details.employer?.text ?? "")
    for attribute in details.otherAttributes { add("other: \(attribute.key)", attribute.value) }
    return values
}
