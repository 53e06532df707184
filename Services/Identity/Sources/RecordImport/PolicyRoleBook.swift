public import IdentityAPI

/// The parties of policies read from a policy-roles file (`clm import policies FILE --roles ROLES`), held by
/// policy while the policies file is read: a policy is replaced as a whole, so its parties travel with it.
///
/// Each role row is accounted for: rejected when added (unreadable, or the same party twice in one role of one
/// policy), or at the end by ``settle(stored:rejectedAt:)``: stored with its policy, or rejected because its policy
/// was rejected or is not in the policies file.
public struct PolicyRoleBook: Sendable {
    /// A role row: the party it adds and the line it came from.
    public struct Entry: Sendable, Hashable {
        public let party: PolicyParty
        public let line: Int
    }

    private var byPolicy: [SourceRef: [Entry]] = [:]
    /// Role rows held.
    public private(set) var count = 0

    public init() {}

    /// Adds a role row (kind ``ImportKind/policyRoles``; its source system and key name the policy).
    /// - Returns: the rejection when the row cannot be read or repeats a party's role on the policy.
    public mutating func add(_ record: ImportRecord, converter: WireRecordConverter) -> RowRejection? {
        let party: PolicyParty
        switch converter.policyParty(record) {
        case .success(let value): party = value
        case .failure(let rejection): return rejection
        }
        let policy = SourceRef(sourceSystem: record.sourceSystem, sourceKey: record.sourceKey)
        if let earlier = byPolicy[policy]?.first(where: { $0.party.party == party.party && $0.party.role == party.role }) {
            return RowRejection(line: record.line, reason: .invalidRecord(
                "party \(party.party.sourceSystem)/\(party.party.sourceKey) already has this role on policy "
                    + "\(record.sourceKey) (line \(earlier.line))"), sourceKey: record.sourceKey)
        }
        byPolicy[policy, default: []].append(Entry(party: party, line: record.line))
        count += 1
        return nil
    }

    /// The parties the roles file gives a policy, in file order; empty when none.
    public func parties(of policy: SourceRef) -> [PolicyParty] {
        byPolicy[policy]?.map(\.party) ?? []
    }

    /// The fate of every role row held, once the policies are sent: rows of a stored policy are stored; the others
    /// are rejected, because their policy was rejected (at the line `rejectedAt` gives) or is not in the file.
    /// - Returns: the rows stored, and the rejections in line order.
    public func settle(stored: Set<SourceRef>, rejectedAt: [SourceRef: Int]) -> (stored: Int, rejections: [RowRejection]) {
        var storedRows = 0
        var rejections: [RowRejection] = []
        for (policy, entries) in byPolicy {
            if stored.contains(policy) {
                storedRows += entries.count
                continue
            }
            let reason: RejectionReason = rejectedAt[policy].map {
                .policyRejected(policyNumber: policy.sourceKey, line: $0)
            } ?? .policyNotInFile(policyNumber: policy.sourceKey)
            for entry in entries {
                rejections.append(RowRejection(line: entry.line, reason: reason, sourceKey: policy.sourceKey))
            }
        }
        return (storedRows, rejections.sorted { $0.line < $1.line })
    }
}
