extension CustomerFacts {
    /// The facts of two customers identity merged, under this customer's code: the union of both histories.
    /// A record both hold (same key) is kept once, at its higher source version; a policy both are on keeps the
    /// union of their roles. The profile is `profile` when given (identity sends the survivor's profile after
    /// the merge), else this customer's, else the other's.
    /// - Parameters:
    ///   - other: the customer merged into this one.
    ///   - profile: the survivor's profile after the merge, when known.
    public func merged(with other: CustomerFacts, profile: DeclaredProfile? = nil) -> CustomerFacts {
        var policies = Self.union(self.policies, other.policies, key: \.policyKey, version: \.sourceVersion)
        for index in policies.indices {
            let key = policies[index].policyKey
            for source in self.policies + other.policies where source.policyKey == key {
                policies[index].roles.formUnion(source.roles)
            }
        }
        return CustomerFacts(
            customerCode: customerCode,
            profile: profile ?? self.profile ?? other.profile,
            policies: policies,
            payments: Self.union(payments, other.payments, key: \.paymentKey, version: \.sourceVersion),
            claims: Self.union(claims, other.claims, key: \.claimKey, version: \.sourceVersion),
            servicing: Self.union(servicing, other.servicing, key: \.servicingKey, version: \.sourceVersion),
            serviceUsage: Self.union(serviceUsage, other.serviceUsage, key: \.usageKey, version: \.sourceVersion),
            interactions: Self.union(interactions, other.interactions, key: \.interactionKey,
                                     version: \.sourceVersion))
    }

    /// Records of both lists, one per key, the higher version winning (the first list on a tie); in first-seen
    /// order.
    private static func union<Record>(_ first: [Record], _ second: [Record], key: KeyPath<Record, String>,
                                      version: KeyPath<Record, Int64>) -> [Record] {
        var order: [String] = []
        var kept: [String: Record] = [:]
        for record in first + second {
            let recordKey = record[keyPath: key]
            if let existing = kept[recordKey] {
                if record[keyPath: version] > existing[keyPath: version] { kept[recordKey] = record }
            } else {
                order.append(recordKey)
                kept[recordKey] = record
            }
        }
        return order.compactMap { kept[$0] }
    }
}
