import IdentityAPI
import Models
import Store

/// Policies: a long-term life policy, or a chain of one-year health, auto or property terms, each term renewing the
/// one before; with the parties on each (policyholder, insured, beneficiary).
extension CustomerBook {
    /// Adds the policy rows of one product the customer holds and returns its terms.
    func addPolicies(_ draft: inout Draft, product: Int, organisation: Bool, into batch: inout FactBatch) -> [Policy] {
        let line: ProductLine = organisation
            ? draft.random.pick([.auto: 0.45, .property: 0.45, .health: 0.10] as KeyValuePairs)
            : draft.random.pick([.life: 0.30, .health: 0.30, .auto: 0.25, .property: 0.15] as KeyValuePairs)
        let number = "P\(draft.index)-\(product + 1)"
        let policies = line == .life
            ? [lifePolicy(&draft, number: number)]
            : termChain(&draft, line: line, number: number)
        var previous = ""
        for policy in policies {
            addPolicyRows(&draft, policy, renewalOf: previous, group: organisation && line == .health, into: &batch)
            previous = policy.key
        }
        return policies
    }

    private func lifePolicy(_ draft: inout Draft, number: String) -> Policy {
        let system = draft.random.chance(0.7) ? "SALES" : "BANCA"
        let mode: PaymentMode = draft.random.pick(
            [.monthly: 0.35, .annual: 0.45, .quarterly: 0.05, .single: 0.15] as KeyValuePairs)
        let premium: Int64 = switch mode {
        case .monthly: draft.random.amount(200...3_000) * 100
        case .quarterly: draft.random.amount(600...9_000) * 100
        case .single: draft.random.amount(20_000...500_000) * 100
        default: draft.random.amount(2_000...40_000) * 100
        }
        let effective = asOf - draft.random.int(30...(15 * 365))
        let end: Int? = draft.random.chance(0.5) ? nil : effective + draft.random.int(20...40) * 365
        var status = PolicyStatus.inForce
        var statusDate: Int? = effective
        // Lapse and surrender need a year of cover before them.
        if asOf - effective > 400 {
            let roll = draft.random.int(0...99)
            if roll < 8 {
                status = .lapsed
                statusDate = max(effective + 365, asOf - draft.random.int(30...700))
            } else if roll < 15 {
                status = .surrendered
                statusDate = max(effective + 365, asOf - draft.random.int(30...1_500))
            }
        }
        return Policy(key: "\(system)/\(number)", line: .life, holder: draft.code,
                      otherInsured: familyMember(&draft, chance: 0.3), mode: mode, premium: premium,
                      effective: effective, end: end, status: status, statusDate: statusDate, shortTerm: false)
    }

    /// One-year terms of health, auto or property cover, one or two, the latest in force unless the customer did not
    /// renew it (15%).
    private func termChain(_ draft: inout Draft, line: ProductLine, number: String) -> [Policy] {
        let system = switch line {
        case .auto: "AUTO"
        case .property: "PNC"
        default: draft.random.chance(0.7) ? "SALES" : "BANCA"
        }
        let renewed = draft.random.chance(0.85)
        let latestStart = asOf - (renewed ? draft.random.int(0...364) : draft.random.int(365...700))
        // The term before the latest, when the customer has been with the line that long: renewed, so expired.
        let terms = draft.random.chance(0.5) ? 2 : 1
        let mode: PaymentMode = line == .health && draft.random.chance(0.15) ? .monthly : .annual
        let yearly: Int64 = switch line {
        case .auto: draft.random.amount(2_000...9_000) * 100
        case .property: draft.random.amount(300...3_000) * 100
        default: draft.random.amount(500...8_000) * 100
        }
        let insured = line == .health ? familyMember(&draft, chance: 0.3) : nil
        return (0..<terms).reversed().map { back in
            let start = latestStart - back * 365
            let end = start + 364
            let current = back == 0 && end >= asOf
            let cancelled = current && draft.random.chance(0.01)
            return Policy(key: "\(system)/\(number)-\(terms - back)", line: line, holder: draft.code,
                          otherInsured: insured, mode: mode, premium: mode == .monthly ? yearly / 12 : yearly,
                          effective: start, end: end, status: cancelled ? .cancelled : current ? .inForce : .expired,
                          statusDate: cancelled ? start + 7 : current ? start : end + 1, shortTerm: true)
        }
    }

    /// Another customer of the book insured on the customer's policy, with probability `chance`.
    private func familyMember(_ draft: inout Draft, chance: Double) -> String? {
        draft.random.chance(chance) ? code(draft.index + draft.random.int(1...3)) : nil
    }

    private func addPolicyRows(_ draft: inout Draft, _ policy: Policy, renewalOf: String, group: Bool,
                               into batch: inout FactBatch) {
        let position = draft.nextPosition()
        let perYear: Int64 = switch policy.mode {
        case .monthly: 12
        case .quarterly: 4
        case .semiAnnual: 2
        default: 1
        }
        let sumInsured = policy.premium * perYear * Int64(draft.random.int(10...50))
        let term: Int64 = policy.shortTerm ? 1 : policy.mode == .single ? 1 : Int64(draft.random.any([10, 20, 30]))
        batch.add(.policy, [
            .text(policy.key), .text(policy.line.rawValue), .text(Self.productCode(policy.line)),
            .int(policy.premium), .text("CNY"), .text(policy.mode.rawValue), .int(policy.premium * perYear),
            .text("CNY"), .int(term), .int(sumInsured), .text("CNY"), BenchDay.value(policy.effective - 5),
            BenchDay.value(policy.effective), BenchDay.value(policy.end), .text(policy.status.rawValue),
            BenchDay.value(policy.statusDate), .text(renewalOf), .bool(group),
            .text("AG\(draft.index % 5_000)"), .int(1), .int(position),
        ])
        var ordinal: Int64 = 0
        func party(_ code: String, _ role: PartyRole, _ relation: PolicyholderRelation) {
            ordinal += 1
            batch.add(.party, [.text(policy.key), .int(ordinal), .text(code), .text(role.rawValue),
                               .text(relation.rawValue), .int(position)])
        }
        party(policy.holder, .policyholder, .self)
        guard policy.line == .life || policy.line == .health else { return }
        if let insured = policy.otherInsured {
            party(insured, .insured, draft.random.any([.spouse, .child, .parent]))
        } else {
            party(policy.holder, .insured, .self)
        }
        if policy.line == .life, draft.random.chance(0.5) {
            party(code(draft.index + draft.random.int(4...6)), .beneficiary, draft.random.any([.spouse, .child]))
        }
    }

    private static func productCode(_ line: ProductLine) -> String {
        switch line {
        case .life: "WL20"
        case .health: "MED1"
        case .auto: "CAR1"
        default: "HOME"
        }
    }
}
