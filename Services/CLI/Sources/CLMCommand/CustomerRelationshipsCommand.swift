import ArgumentParser
import IdentityAPI
import Models

/// `clm customer relationships CODE`: household, policy-role and employer relationships of one customer.
struct CustomerRelationshipsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relationships",
        abstract: "List a customer's relationships: household, spouse, parent, policy roles, employer.",
        discussion: "Each reads \"from <relationship> to\", e.g. C1 policyholder_of_insured C2. Every page is read.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A customer code or an alias.")
    var code: String

    @Option(name: .customLong("type"), help: "Only this relationship (repeatable): \(RelationshipType.labels).")
    var types: [String] = []

    func validate() throws {
        for type in types where RelationshipType(label: type) == nil {
            throw ValidationError("--type \(type): one of \(RelationshipType.labels)")
        }
    }

    func run() async throws {
        let wanted = types.compactMap { RelationshipType(label: $0) }
        let relationships = try await global.withIdentity { identity in
            var found: [Relationship] = []
            var token = ""
            repeat {
                let page = try await identity.call(
                    IdentityAPI.listRelationships,
                    ListRelationshipsRequest(customerCode: code, types: wanted,
                                             page: PageRequest(pageSize: 1_000, pageToken: token)))
                found += page.relationships
                token = page.page.nextPageToken
            } while !token.isEmpty
            return found
        }
        if global.json {
            try printJSON(ListRelationshipsResponse(relationships: relationships,
                                                    page: PageResponse(totalCount: Int64(relationships.count))))
        } else if relationships.isEmpty {
            print("\(code): no relationships")
        } else {
            let header = ["from", "relationship", "to", "evidence", "since"]
            print(formatTable([header] + relationships.map(Customer360Text.relationship)).joined(separator: "\n"))
        }
    }
}
