import Models
public import RPC
import ServiceAPI
import WireCodec

/// The methods of `clm.scoring.v1.Scoring`, and the event types of scoring's feed.
///
/// Read-only methods are idempotent, and so is `rescoreCustomer`: a score card is a function of the customer's
/// facts and the active rule set, so a second call changes nothing the first did not. Saving and activating a rule
/// set and starting a full rescore are not: each call makes a new version, an activation or a job.
extension ScoringAPI {
    /// Full proto name of the service.
    public static let service = "clm.scoring.v1.Scoring"

    /// Returns a customer's score card (metrics, RFM, CLV, risk, loyalty, tier, layer), optionally explained.
    public static let getScoreCard = RPCMethod<GetScoreCardRequest, GetScoreCardResponse>(
        service: service, name: "GetScoreCard", idempotent: true)
    /// Re-scores one customer now.
    public static let rescoreCustomer = RPCMethod<RescoreCustomerRequest, RescoreCustomerResponse>(
        service: service, name: "RescoreCustomer", idempotent: true)
    /// Lists scored customers filtered by tier, layer, risk grade, potential, VIP; paged.
    public static let listCustomers = RPCMethod<ListCustomersRequest, ListCustomersResponse>(
        service: service, name: "ListCustomers", idempotent: true)
    /// Returns customers and premium per tier, and the pyramid.
    public static let getTierDistribution = RPCMethod<GetTierDistributionRequest, GetTierDistributionResponse>(
        service: service, name: "GetTierDistribution", idempotent: true)
    /// Returns the template rule set for a product line.
    public static let getRuleSetTemplate = RPCMethod<GetRuleSetTemplateRequest, GetRuleSetTemplateResponse>(
        service: service, name: "GetRuleSetTemplate", idempotent: true)
    /// Saves a rule set as a new draft version.
    public static let saveRuleSet = RPCMethod<SaveRuleSetRequest, SaveRuleSetResponse>(
        service: service, name: "SaveRuleSet", idempotent: false)
    /// Returns one rule set version, or the active one.
    public static let getRuleSet = RPCMethod<GetRuleSetRequest, GetRuleSetResponse>(
        service: service, name: "GetRuleSet", idempotent: true)
    /// Lists rule set versions.
    public static let listRuleSets = RPCMethod<ListRuleSetsRequest, ListRuleSetsResponse>(
        service: service, name: "ListRuleSets", idempotent: true)
    /// Checks a rule set for overlaps, contradictions, gaps, unreachable tiers, weights.
    public static let validateRuleSet = RPCMethod<ValidateRuleSetRequest, ValidateRuleSetResponse>(
        service: service, name: "ValidateRuleSet", idempotent: true)
    /// Scores the whole book with a candidate rule set, keeping nothing: the tier migration matrix.
    public static let dryRunRuleSet = RPCMethod<DryRunRuleSetRequest, DryRunRuleSetResponse>(
        service: service, name: "DryRunRuleSet", idempotent: true)
    /// Makes a valid rule set version the active one and starts a full rescore.
    public static let activateRuleSet = RPCMethod<ActivateRuleSetRequest, ActivateRuleSetResponse>(
        service: service, name: "ActivateRuleSet", idempotent: false)
    /// Lists the VIP customers (continuous tenure of five years or more).
    public static let listVipCustomers = RPCMethod<ListVipCustomersRequest, ListVipCustomersResponse>(
        service: service, name: "ListVipCustomers", idempotent: true)
    /// Starts re-scoring the whole book as a job.
    public static let startRescoreAll = RPCMethod<StartRescoreAllRequest, StartRescoreAllResponse>(
        service: service, name: "StartRescoreAll", idempotent: false)
    /// Reports a full rescore's progress.
    public static let getRescoreStatus = RPCMethod<GetRescoreStatusRequest, GetRescoreStatusResponse>(
        service: service, name: "GetRescoreStatus", idempotent: true)

    /// Every method above, in the proto's order.
    public static let methods: [MethodSignature] = [
        .init(getScoreCard), .init(rescoreCustomer), .init(listCustomers), .init(getTierDistribution),
        .init(getRuleSetTemplate), .init(saveRuleSet), .init(getRuleSet), .init(listRuleSets), .init(validateRuleSet),
        .init(dryRunRuleSet), .init(activateRuleSet), .init(listVipCustomers), .init(startRescoreAll),
        .init(getRescoreStatus),
    ]

    /// Full proto names of the payloads scoring's feed carries (`FeedEvent.type`), in the order the proto's header
    /// lists them: scoring's own events, then the two common.proto messages it relays for lifecycle.
    public static let feedEventTypes: [String] = [
        ScoreChanged.protoName, TierChanged.protoName, VipEntered.protoName, VipLeft.protoName,
        RuleSetActivated.protoName, CustomerActivity.protoName, CustomerCodesChanged.protoName,
    ]
}
