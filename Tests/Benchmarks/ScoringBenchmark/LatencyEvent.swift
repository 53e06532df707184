import IdentityAPI
import Models
import RPC

/// One business record the loader sends to identity, for an existing customer: half premium payments, three in ten
/// interactions, and a new health policy, a claim or a service use for the rest. Each is new (a key of its own), so
/// identity stores it, links it and emits one `*Linked` event that changes the customer's facts in scoring.
enum LatencyEvent: Sendable {
    case payment(PaymentRecord)
    case interaction(InteractionRecord)
    case policy(PolicyRecord)
    case claim(ClaimRecord)
    case serviceUsage(ServiceUsageRecord)

    /// Event `number` of the stream, for customer `k` of `book`.
    static func make(_ number: Int, customer k: Int, book: LatencyBook) -> LatencyEvent {
        var random = SeededGenerator(seed: 0x5C0_8E, index: number)
        let system = LatencyBook.system
        let party = SourceRef(sourceSystem: system, sourceKey: "P\(k)")
        let recent = book.asOf - random.int(0...20)
        let cny = { (units: Int64) in Money(minorUnits: units, currency: "CNY") }
        switch random.int(0...99) {
        case 0..<50:
            return .payment(PaymentRecord(
                ref: SourceRef(sourceSystem: system, sourceKey: "PAY\(number)"), sourceVersion: 1,
                policyNumber: "POL\(k)", instalment: Int32(13 + number % 12), dueDate: BenchDay.calendar(recent),
                paidDate: BenchDay.calendar(recent - random.int(0...5)), amount: cny(50_000),
                status: random.chance(0.95) ? .paid : .overdue))
        case 50..<80:
            let type: InteractionType = random.any([.appLogin, .callCentreContact, .webVisit, .agentVisit])
            let channel: ContactChannel = switch type {
            case .appLogin: .app
            case .callCentreContact: .phone
            case .webVisit: .web
            default: .agent
            }
            return .interaction(InteractionRecord(
                ref: SourceRef(sourceSystem: system, sourceKey: "INT\(number)"), sourceVersion: 1, party: party,
                type: type, channel: channel, occurredAt: BenchDay.timestamp(recent, seconds: random.int(0...50_000))))
        case 80..<90:
            return .policy(PolicyRecord(
                ref: SourceRef(sourceSystem: system, sourceKey: "HP\(number)"), sourceVersion: 1,
                productLine: .health, productCode: "MED1", parties: book.holder(k),
                premium: cny(random.amount(500...8_000) * 100), paymentMode: .annual,
                issueDate: BenchDay.calendar(recent - 7), effectiveDate: BenchDay.calendar(recent),
                endDate: BenchDay.calendar(recent + 364), status: .inForce))
        case 90..<95:
            return .claim(ClaimRecord(
                ref: SourceRef(sourceSystem: system, sourceKey: "CLM\(number)"), sourceVersion: 1,
                policyNumber: "POL\(k)", claimant: party, incidentDate: BenchDay.calendar(recent - 10),
                reportedDate: BenchDay.calendar(recent), claimedAmount: cny(random.amount(1_000...50_000) * 100),
                status: .reported))
        default:
            return .serviceUsage(ServiceUsageRecord(
                ref: SourceRef(sourceSystem: system, sourceKey: "SU\(number)"), sourceVersion: 1, party: party,
                policyNumber: "POL\(k)", serviceCode: "HC01", serviceName: "health check-up",
                usedOn: BenchDay.calendar(recent)))
        }
    }

    /// Sends the record to identity with `traceID`, which the events it causes carry; returns whether identity
    /// stored it (created or updated).
    func send(_ identity: RPCClient, traceID: String) async throws -> Bool {
        let results: [RecordResult] = switch self {
        case .payment(let record):
            try await identity.call(IdentityAPI.ingestPayments, IngestPaymentsRequest(records: [record]),
                                    traceID: traceID).results
        case .interaction(let record):
            try await identity.call(IdentityAPI.ingestInteractions, IngestInteractionsRequest(records: [record]),
                                    traceID: traceID).results
        case .policy(let record):
            try await identity.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [record]),
                                    traceID: traceID).results
        case .claim(let record):
            try await identity.call(IdentityAPI.ingestClaims, IngestClaimsRequest(records: [record]),
                                    traceID: traceID).results
        case .serviceUsage(let record):
            try await identity.call(IdentityAPI.ingestServiceUsage, IngestServiceUsageRequest(records: [record]),
                                    traceID: traceID).results
        }
        return results.allSatisfy { $0.outcome == .created || $0.outcome == .updated }
    }
}
