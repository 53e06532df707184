import IdentityAPI
import Models
import Store

/// Value-added service usage and interactions: what loyalty, RFM depth and engagement are measured from.
extension CustomerBook {
    private static let services: [ProductLine: [(code: String, name: String)]] = [
        .life: [("HC01", "health check-up"), ("GC01", "hospital green channel"), ("TM01", "telemedicine")],
        .health: [("HC01", "health check-up"), ("TM01", "telemedicine"), ("DS01", "dental care"),
                  ("GC01", "hospital green channel")],
        .auto: [("RA01", "roadside assistance"), ("CW01", "car wash"), ("DV01", "designated driver")],
        .property: [("HI01", "home inspection"), ("PL01", "plumbing repair")],
    ]

    /// Two customers in five used value-added services of their policies, one to six times in eighteen months.
    func addServiceUsage(_ draft: inout Draft, _ policies: [Policy], into batch: inout FactBatch) {
        guard let latest = policies.last, draft.random.chance(0.4) else { return }
        for use in 1...draft.random.int(1...6) {
            let policy = draft.random.chance(0.7) ? latest : draft.random.any(policies)
            guard let service = Self.services[policy.line].map({ draft.random.any($0) }) else { continue }
            batch.add(.usage, [
                .text("\(policy.key)-SU\(use)"), .text(draft.code), .text(policy.key), .text(service.code),
                .text(service.name), BenchDay.value(asOf - draft.random.int(0...540)), .int(1),
                .int(draft.nextPosition()),
            ])
        }
    }

    /// None to a dozen interactions in two years, over the channels each kind comes through.
    func addInteractions(_ draft: inout Draft, into batch: inout FactBatch) {
        let count = draft.random.pick([0: 0.15, 1: 0.15, 2: 0.15, 3: 0.15, 5: 0.25, 9: 0.15] as KeyValuePairs)
        for number in 0..<count {
            let type: InteractionType = draft.random.pick(
                [.appLogin: 0.34, .callCentreContact: 0.18, .webVisit: 0.10, .agentVisit: 0.10,
                 .campaignResponse: 0.08, .branchVisit: 0.05, .complaint: 0.05, .referral: 0.06, .other: 0.04]
                    as KeyValuePairs)
            let channel: ContactChannel = switch type {
            case .appLogin: .app
            case .callCentreContact: .phone
            case .webVisit: .web
            case .agentVisit: .agent
            case .branchVisit: .branch
            case .campaignResponse: draft.random.any([.sms, .email, .wechat])
            case .complaint: draft.random.any([.phone, .wechat, .branch])
            case .referral: draft.random.any([.agent, .wechat])
            default: draft.random.any([.post, .email])
            }
            let topic = switch type {
            case .complaint: draft.random.any(["claim delay", "premium increase", "service attitude"])
            case .callCentreContact: draft.random.any(["policy enquiry", "claim status", "payment"])
            default: ""
            }
            let referred = type == .referral && draft.random.chance(0.7)
                ? code(draft.index + draft.random.int(7...1_000)) : ""
            batch.add(.interaction, [
                .text("CRM/INT\(draft.index)-\(number + 1)"), .text(draft.code), .text(type.rawValue),
                .text(channel.rawValue),
                .timestamp(microsSince1970: BenchDay.timestamp(asOf - draft.random.int(1...729),
                                                               seconds: draft.random.int(0...86_399)).unixMicros),
                .text(topic), .text(type == .campaignResponse ? "CAMP-2025-0\(draft.random.int(1...6))" : ""),
                .text(referred), .bool(type == .complaint && draft.random.chance(0.8)), .int(1),
                .int(draft.nextPosition()),
            ])
        }
    }
}
