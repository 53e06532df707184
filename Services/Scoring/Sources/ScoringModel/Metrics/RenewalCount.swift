/// Renewals that fell due in a window and how many of them the customer took.
public struct RenewalCount: Sendable, Hashable {
    /// One-year policies that ran to their end date in the window (续保 due).
    public var termRenewalsDue: Int
    /// Of those, the ones another held policy renews.
    public var termRenewalsTaken: Int
    /// Renewal premiums (续期, every instalment but the first) of long-term policies due in the window and
    /// decided: paid, waived, overdue or refunded.
    public var renewalPremiumsDue: Int
    /// Of those, the ones paid or waived.
    public var renewalPremiumsTaken: Int

    public init(termRenewalsDue: Int = 0, termRenewalsTaken: Int = 0, renewalPremiumsDue: Int = 0,
                renewalPremiumsTaken: Int = 0) {
        self.termRenewalsDue = termRenewalsDue
        self.termRenewalsTaken = termRenewalsTaken
        self.renewalPremiumsDue = renewalPremiumsDue
        self.renewalPremiumsTaken = renewalPremiumsTaken
    }

    /// `(term renewals taken + renewal premiums taken) / (term renewals due + renewal premiums due)`; absent
    /// when nothing fell due.
    public var rate: Double? {
        let due = termRenewalsDue + renewalPremiumsDue
        guard due > 0 else { return nil }
        return Double(termRenewalsTaken + renewalPremiumsTaken) / Double(due)
    }
}
