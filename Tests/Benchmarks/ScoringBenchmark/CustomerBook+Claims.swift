import IdentityAPI
import Models
import Store

/// Claims and policy servicing (保全) on a customer's policies.
extension CustomerBook {
    /// A claim on the policy in the last eighteen months, as often as the line has them: made by the policyholder,
    /// or by the insured family member (then kept for both).
    func addClaims(_ draft: inout Draft, _ policy: Policy, into batch: inout FactBatch) {
        let yearlyChance: Double = switch policy.line {
        case .health: 0.10
        case .auto: 0.12
        case .property: 0.03
        default: 0.008
        }
        let first = max(policy.effective, asOf - 540)
        let last = min(policy.end ?? asOf, policy.statusDate.map { policy.status == .inForce ? asOf : $0 } ?? asOf,
                       asOf - 1)
        guard first < last, draft.random.chance(yearlyChance * Double(last - first) / 365) else { return }
        let incident = draft.random.int(first...last)
        let reported = min(asOf, incident + draft.random.int(1...20))
        let status: ClaimStatus = asOf - reported < 30
            ? draft.random.pick([.reported: 0.5, .underReview: 0.4, .withdrawn: 0.1] as KeyValuePairs)
            : draft.random.pick([.paid: 0.66, .approved: 0.05, .underReview: 0.06, .declined: 0.18, .withdrawn: 0.05]
                                    as KeyValuePairs)
        let claimed: Int64 = switch policy.line {
        case .health: draft.random.amount(1_000...60_000) * 100
        case .auto: draft.random.amount(2_000...40_000) * 100
        case .property: draft.random.amount(1_000...30_000) * 100
        default: draft.random.amount(50_000...500_000) * 100
        }
        let paid: Int64? = status == .paid ? claimed * Int64(draft.random.int(50...100)) / 100 : nil
        let closed: Int? = [.paid, .declined, .withdrawn].contains(status)
            ? min(asOf, reported + draft.random.int(5...60)) : nil
        let fraud = draft.random.chance(status == .declined ? 0.10 : 0.01)
        let claimant = policy.otherInsured.flatMap { draft.random.chance(0.5) ? $0 : nil } ?? policy.holder
        batch.add(.claim, [
            .text("\(policy.key)-CLM\(draft.random.int(1...9))"), .text(claimant),
            .text(claimant == policy.holder ? "" : policy.holder), .text(policy.key), .text(policy.line.rawValue),
            BenchDay.value(incident), BenchDay.value(reported), BenchDay.value(closed), .int(claimed), .text("CNY"),
            paid.map { .int($0) } ?? .null, paid == nil ? .null : .text("CNY"), .text(status.rawValue), .bool(fraud),
            .int(1), .int(draft.nextPosition()),
        ])
    }

    /// Servicing requests on the policy: the surrender of a surrendered policy, a reinstatement asked for on some
    /// lapsed ones, and on one policy in ten a routine change (contact, beneficiary, payment mode, cover, loan).
    func addServicing(_ draft: inout Draft, _ policy: Policy, into batch: inout FactBatch) {
        var requests: [(type: ServicingType, status: ServicingStatus, day: Int, amount: Int64?)] = []
        if policy.status == .surrendered, let day = policy.statusDate {
            requests.append((.surrender, .completed, day - draft.random.int(3...15), policy.premium * 6))
        }
        if policy.status == .lapsed, let day = policy.statusDate, draft.random.chance(0.3) {
            requests.append((.reinstatement, .requested, min(asOf, day + draft.random.int(10...60)), nil))
        }
        if draft.random.chance(0.10), asOf - policy.effective > 30 {
            let type: ServicingType = draft.random.pick(
                [.contactChange: 0.30, .beneficiaryChange: 0.20, .paymentModeChange: 0.12, .addCover: 0.10,
                 .policyLoan: 0.10, .partialWithdrawal: 0.08, .reduceCover: 0.05, .other: 0.05] as KeyValuePairs)
            let status: ServicingStatus = draft.random.pick(
                [.completed: 0.85, .requested: 0.08, .rejected: 0.05, .withdrawn: 0.02] as KeyValuePairs)
            let amount: Int64? = [.policyLoan, .partialWithdrawal].contains(type)
                ? draft.random.amount(5_000...50_000) * 100 : nil
            requests.append((type, status, max(policy.effective, asOf - draft.random.int(1...730)), amount))
        }
        for (number, request) in requests.enumerated() {
            let closed: Int? = request.status == .requested ? nil : min(asOf, request.day + draft.random.int(1...14))
            batch.add(.servicing, [
                .text("\(policy.key)-SRV\(number + 1)"), .text(policy.holder), .text(policy.key),
                .text(policy.line.rawValue), .text(request.type.rawValue), .text(request.status.rawValue),
                BenchDay.value(request.day), BenchDay.value(closed), request.amount.map { .int($0) } ?? .null,
                request.amount == nil ? .null : .text("CNY"), .int(1), .int(draft.nextPosition()),
            ])
        }
    }
}
