/// The kinds of business record, as stored in `business_record.kind`.
enum BusinessKind: Int, CaseIterable, Sendable {
    case policy = 1, payment, claim, servicing, serviceUsage, interaction
}

/// `<source system>/<policy number>`: a policy's key across systems.
func policyKey(system: String, number: String) -> String { number.isEmpty ? "" : system + "/" + number }
