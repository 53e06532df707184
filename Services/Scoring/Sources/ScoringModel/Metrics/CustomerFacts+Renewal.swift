import Models

extension CustomerFacts {
    /// Renewal rate (METRIC_RENEWAL_RATE), 0–1, absent when nothing fell due in the window:
    /// `renewals taken / renewals due`, counting two kinds of renewal alike —
    /// - 续保: a held one-year policy (`isShortTerm`) whose end date lies in the window and that ran to it
    ///   (in force, expired or matured); taken when another held policy names it in `renewalOf` and was not
    ///   declined;
    /// - 续期: a premium instalment, other than the first, of a held long-term regular-premium policy, due in the
    ///   window and decided; taken when paid or waived, not taken when overdue or refunded (still within grace:
    ///   not counted yet).
    public func renewalRate(in window: LookbackWindow) -> Double? {
        renewalCount(in: window).rate
    }

    /// The counts behind `renewalRate(in:)`.
    public func renewalCount(in window: LookbackWindow) -> RenewalCount {
        var count = RenewalCount()
        let held = heldPolicies
        let renewed = Set(held.filter { !$0.renewalOf.isEmpty && $0.status != .declined }.map(\.renewalOf))
        for policy in held where policy.isShortTerm && window.contains(policy.endDate) {
            guard [.inForce, .expired, .matured].contains(policy.status) else { continue }
            count.termRenewalsDue += 1
            if renewed.contains(policy.policyKey) { count.termRenewalsTaken += 1 }
        }
        for payment in payments where window.contains(payment.dueDate) && isRenewalPremium(payment) {
            switch payment.status {
            case .paid, .waived:
                count.renewalPremiumsDue += 1
                count.renewalPremiumsTaken += 1
            case .overdue, .refunded:
                count.renewalPremiumsDue += 1
            case .due, .unspecified:
                break
            }
        }
        return count
    }

    /// An instalment after the first of a held long-term regular-premium policy: instalment 2 or later, or, with
    /// the instalment number unknown, due after the policy's cover began.
    func isRenewalPremium(_ payment: PaymentFact) -> Bool {
        guard let policy = policies.first(where: { $0.policyKey == payment.policyKey }), policy.isHeld,
              !policy.isShortTerm, policy.paymentMode != .single
        else { return false }
        if payment.instalment >= 2 { return true }
        guard payment.instalment == 0, let due = payment.dueDate, let start = policy.effectiveDate ?? policy.issueDate
        else { return false }
        return due > start
    }
}
