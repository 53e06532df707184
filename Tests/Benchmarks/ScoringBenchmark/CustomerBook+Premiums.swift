import IdentityAPI
import Models
import Store

/// Premium payments: the instalments of each policy that fell due in the last thirteen months (the twelve-month
/// look-back of renewal rates and a month before it); older ones change no metric and are left out.
extension CustomerBook {
    /// Days before the as-of day that payments go back.
    private static let paymentHistoryDays = 395

    func addPremiums(_ draft: inout Draft, _ policy: Policy, into batch: inout FactBatch) {
        let from = max(policy.effective, asOf - Self.paymentHistoryDays)
        var until = min(asOf, policy.end ?? asOf)
        // Nothing falls due after a policy stopped: surrendered, cancelled, or lapsed (its last instalments unpaid).
        if [.surrendered, .cancelled, .lapsed].contains(policy.status), let stopped = policy.statusDate {
            until = min(until, stopped - 1)
        }
        guard from <= until else { return }
        let months: Int = switch policy.mode {
        case .monthly: 1
        case .quarterly: 3
        case .semiAnnual: 6
        case .single: 0
        default: 12
        }
        guard months > 0 else {
            // A single premium, paid at issue.
            if policy.effective >= from {
                addPayment(&draft, policy, instalment: 1, due: policy.effective - 5, into: &batch)
            }
            return
        }
        // The first instalment that can fall in the window, a couple of periods early to be safe.
        let elapsed = max(0, (from - policy.effective) / 31 / months - 2)
        var instalment = elapsed + 1
        while true {
            let due = Self.adding(months: (instalment - 1) * months, to: policy.effective)
            if due > until { break }
            if due >= from { addPayment(&draft, policy, instalment: instalment, due: due, into: &batch) }
            instalment += 1
        }
    }

    private func addPayment(_ draft: inout Draft, _ policy: Policy, instalment: Int, due: Int,
                            into batch: inout FactBatch) {
        let status: PaymentStatus
        if policy.status == .lapsed, let lapsed = policy.statusDate, due >= lapsed - 60 {
            status = .overdue
        } else if due > asOf - 30 {
            status = draft.random.chance(0.5) ? .due : .paid
        } else {
            status = draft.random.pick([.paid: 0.965, .overdue: 0.015, .waived: 0.01, .refunded: 0.01] as KeyValuePairs)
        }
        let paid: Int? = status == .paid || status == .refunded ? due - draft.random.int(0...7) : nil
        batch.add(.payment, [
            .text("\(policy.key)-PAY\(instalment)"), .text(policy.holder), .text(policy.key),
            .text(policy.line.rawValue), .int(Int64(instalment)), BenchDay.value(due), BenchDay.value(paid),
            .int(policy.premium), .text("CNY"), .text(status.rawValue), .int(1), .int(draft.nextPosition()),
        ])
    }

    /// The day `months` calendar months after `day`, on the same day of the month (the 28th at most, so that every
    /// month has it).
    static func adding(months: Int, to day: Int) -> Int {
        let date = PostgresDate(daysSince1970: day)
        let total = date.year * 12 + (date.month - 1) + months
        return BenchDay.days(year: total / 12, month: total % 12 + 1, day: min(date.day, 28))
    }
}
