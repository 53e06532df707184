import ArgumentParser
import Foundation
import IdentityAPI
import Models

/// `clm resolve …`: which customer a party record would belong to, without storing it.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a party record against the stored customers without storing it: candidates with their "
            + "scores, the outcome, and each field's contribution to the weight.",
        discussion: """
            The record comes from the flags below, from --field NAME=VALUE for any field clm import parties --help \
            lists, or from --json-record FILE (a JSON object of the same field names, e.g. {"name": "王芳", \
            "id_number": "110105197506150024", "phones": ["13800138001"]}); a flag replaces the file's value. Values \
            are read as an import reads them: a birth date in any of its formats (1975-06-15, 19750615, …), choice \
            labels such as 身份证 or 男. With --source and --key naming a stored record, that record is not its own \
            candidate.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Full name (full_name).") var name: String?
    @Option(name: .customLong("given-name"), help: "Given name.") var givenName: String?
    @Option(name: .customLong("family-name"), help: "Family name.") var familyName: String?
    @Option(help: "individual or organisation.") var kind: String?
    @Option(name: .customLong("id-type"), help: "Document type: resident_id, passport, … (guessed when left out).")
    var idType: String?
    @Option(name: .customLong("id-number"), help: "Identity document number (document_number).") var idNumber: String?
    @Option(name: .customLong("national-id"), help: "Resident ID number in a field of its own.") var nationalID: String?
    @Option(name: .customLong("birth-date"), help: "Date of birth.") var birthDate: String?
    @Option(help: "male or female.") var sex: String?
    @Option(help: "A phone number (repeatable).") var phone: [String] = []
    @Option(help: "E-mail address.") var email: String?
    @Option(help: "An address line (repeatable).") var address: [String] = []
    @Option(help: "City, district or suburb.") var city: String?
    @Option(help: "Province or state.") var province: String?
    @Option(help: "Postcode.") var postcode: String?
    @Option(name: .customLong("credit-code"), help: "Organisations: unified social credit code.")
    var creditCode: String?

    @Option(name: .customLong("field"), help: "Any party field as NAME=VALUE (repeatable; repeat a multi-valued one).")
    var extraFields: [String] = []

    @Option(name: .customLong("json-record"), help: "A JSON file holding the record's fields.")
    var jsonRecord: String?

    @Option(help: "Source system of the record, with --key.") var source: String?
    @Option(help: "Source key of the record; a stored record of that key is left out of the candidates.")
    var key: String?

    @Option(name: .customLong("max-candidates"),
            help: "At most this many candidates, best first (0: the service's 10).")
    var maxCandidates: Int32 = 0

    /// The flags, as field names and values.
    private var flagFields: [(String, [String])] {
        let single: [(String, String?)] = [
            ("full_name", name), ("given_name", givenName), ("family_name", familyName), ("kind", kind),
            ("document_type", idType), ("document_number", idNumber), ("national_id", nationalID),
            ("birth_date", birthDate), ("sex", sex), ("email", email), ("city", city), ("province", province),
            ("postcode", postcode), ("unified_social_credit_code", creditCode),
        ]
        var fields = single.compactMap { field, value in value.map { (field, [$0]) } }
        if !phone.isEmpty { fields.append(("phones", phone)) }
        if !address.isEmpty { fields.append(("address_lines", address)) }
        return fields
    }

    /// The query record from the file, then the flags.
    func query() throws -> PartyRecord {
        var query = try jsonRecord.map(QueryRecord.read(json:)) ?? QueryRecord()
        var extra: [String: [String]] = [:]
        for pair in extraFields {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--field \(pair): write NAME=VALUE")
            }
            extra[String(pair[..<equals]), default: []].append(String(pair[pair.index(after: equals)...]))
        }
        for (field, values) in extra.sorted(by: { $0.key < $1.key }) { try query.set(field, values) }
        for (field, values) in flagFields { try query.set(field, values) }
        if let source { try query.set("source_system", [source]) }
        if let key { try query.set("source_key", [key]) }
        guard !query.isEmpty else {
            throw ValidationError("give the record to resolve: --name, --id-number, --birth-date, --phone, …, "
                + "--field NAME=VALUE or --json-record FILE")
        }
        return try query.partyRecord()
    }

    func run() async throws {
        let request = ResolvePartyRequest(query: try query(), maxCandidates: maxCandidates)
        let answer = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.resolveParty, request)
        }
        if global.json {
            try printJSON(answer)
        } else {
            print(Self.render(answer).joined(separator: "\n"))
        }
    }

    /// The outcome and thresholds, the query as the service normalised it, then each candidate with its explanation.
    static func render(_ answer: ResolvePartyResponse) -> [String] {
        var lines = ["outcome: \(answer.outcome.label)"
            + (answer.customerCode.isEmpty ? "" : " → customer \(answer.customerCode)"),
                     "thresholds: \(MatchExplanation.thresholds(answer.thresholds))", "",
                     "query after normalisation" + (answer.personalDataMasked ? " (personal data masked)" : "") + ":"]
        lines += formatTable(partyDetailValues(answer.normalisedQuery).map { [$0.0, $0.1] }).map { "  " + $0 }
        for check in answer.checks where check.validity != .valid && check.validity != .empty {
            lines.append("  check \(check.field): \(check.validity.label)"
                + (check.note.isEmpty ? "" : " (\(check.note))"))
        }
        lines.append("")
        guard !answer.candidates.isEmpty else { return lines + ["candidates: none"] }
        lines.append("candidates (\(answer.candidates.count)):")
        for (rank, candidate) in answer.candidates.enumerated() {
            let explained = MatchExplanation.lines(candidate)
            lines.append("\(rank + 1). " + explained[0])
            lines += explained.dropFirst().map { "   " + $0 }
        }
        return lines
    }
}
