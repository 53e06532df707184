public import Models

/// Everything scoring knows about one customer: the business records identity linked to them, and their
/// declared profile. The input of every metric; each record appears once (by its key).
public struct CustomerFacts: Sendable, Hashable, Codable {
    public var customerCode: String
    /// Absent until identity has sent a profile.
    public var profile: DeclaredProfile?
    /// Policies on which the customer has any role; see `PolicyFact.isHeld`.
    public var policies: [PolicyFact]
    /// Premiums the customer paid or owes.
    public var payments: [PaymentFact]
    /// Claims the customer made, and claims on policies they hold.
    public var claims: [ClaimFact]
    public var servicing: [ServicingFact]
    public var serviceUsage: [ServiceUsageFact]
    public var interactions: [InteractionFact]

    public init(customerCode: String, profile: DeclaredProfile? = nil, policies: [PolicyFact] = [],
                payments: [PaymentFact] = [], claims: [ClaimFact] = [], servicing: [ServicingFact] = [],
                serviceUsage: [ServiceUsageFact] = [], interactions: [InteractionFact] = []) {
        self.customerCode = customerCode
        self.profile = profile
        self.policies = policies
        self.payments = payments
        self.claims = claims
        self.servicing = servicing
        self.serviceUsage = serviceUsage
        self.interactions = interactions
    }

    /// Policies the customer holds as policyholder. A lazy view, as is `policiesInForce(on:)`: every metric
    /// filters the policies, and copying them out each time (their keys, by reference count) was a good part of
    /// scoring a book.
    public var heldPolicies: LazyFilterSequence<[PolicyFact]> { policies.lazy.filter { $0.isHeld } }

    /// Held policies in force on `date`.
    public func policiesInForce(on date: CalendarDate) -> LazyFilterSequence<[PolicyFact]> {
        policies.lazy.filter { $0.isHeld && $0.isInForce(on: date) }
    }
}
