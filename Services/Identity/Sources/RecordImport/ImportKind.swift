/// What a source file holds: one kind of record per `clm import` run (`clm import parties FILE …`).
///
/// Each kind produces the fields of one ingest message of `identity.proto`; ``fields`` is the one
/// list of them, used both by ``helpText(command:)`` and by mapping validation.
public enum ImportKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `PartyRecord`: people and organisations. Source key: the party's key in its system.
    case parties
    /// `PolicyRecord` with its parties on the same row. Source key: the policy number.
    case policies
    /// `PolicyRecord.parties` from a file of its own, one row per party and role. Source key: the
    /// policy number the row belongs to (several rows share it).
    case policyRoles = "policy-roles"
    /// `PaymentRecord`: premium payments. Source key: the payment's key.
    case payments
    /// `ClaimRecord`. Source key: the claim number (赔案号).
    case claims
    /// `ServicingRecord`: policy servicing (保全). Source key: the servicing record's key.
    case servicing
    /// `ServiceUsageRecord`: value-added service usage (增值服务). Source key: the usage record's key.
    case serviceUsage = "service-usage"
    /// `InteractionRecord`: app logins, call-centre contacts, complaints, referrals, campaign responses.
    case interactions

    /// The name on the command line, e.g. `policy-roles`.
    public var description: String { rawValue }

    /// Reads a command-line name; `policy_roles`, `PolicyRoles` and singular forms work too.
    public init?(argument: String) {
        let folded = String(argument.lowercased().map { $0 == "_" ? "-" : $0 })
        if let kind = ImportKind(rawValue: folded) {
            self = kind
            return
        }
        let compact = String(folded.filter { $0 != "-" })
        let byName: [String: ImportKind] = [
            "party": .parties, "parties": .parties, "policy": .policies, "policies": .policies,
            "policyrole": .policyRoles, "policyroles": .policyRoles, "policyparty": .policyRoles,
            "policyparties": .policyRoles, "payment": .payments, "payments": .payments, "claim": .claims,
            "claims": .claims, "servicing": .servicing, "serviceusage": .serviceUsage,
            "serviceusages": .serviceUsage, "interaction": .interactions, "interactions": .interactions,
        ]
        guard let kind = byName[compact] else { return nil }
        self = kind
    }

    /// The ingest message of `identity.proto` the records become.
    public var protoMessage: String {
        switch self {
        case .parties: "PartyRecord"
        case .policies: "PolicyRecord"
        case .policyRoles: "PolicyRecord.parties (PolicyParty)"
        case .payments: "PaymentRecord"
        case .claims: "ClaimRecord"
        case .servicing: "ServicingRecord"
        case .serviceUsage: "ServiceUsageRecord"
        case .interactions: "InteractionRecord"
        }
    }

    /// What the `--key` column holds for this kind.
    public var sourceKeyMeaning: String {
        switch self {
        case .parties: "the party's key in the source system"
        case .policies: "the policy number (保单号)"
        case .policyRoles: "the policy number (保单号) the row belongs to; several rows share it"
        case .payments: "the payment record's key"
        case .claims: "the claim number (赔案号)"
        case .servicing: "the servicing record's key (保全批单号)"
        case .serviceUsage: "the usage record's key"
        case .interactions: "the interaction record's key"
        }
    }
}
