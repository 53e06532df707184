import IdentityAPI
import Models
import Store
import WireCodec

/// A party a business record names: its reference, role (policies) or 0 (the one party of other kinds; 1 for a
/// referral's referred party), relation to the policyholder, benefit share.
struct NamedParty: Hashable {
    var ref: SourceRef
    var role: Int
    var relation: Int = 0
    var share: Double = 0
}

/// What identity needs to know of any business record to store and link it.
protocol BusinessRecordMessage: WireMessage {
    static var kind: BusinessKind { get }
    var ref: SourceRef { get }
    var sourceVersion: Int64 { get }
    /// The policy number it is about, in its own source system; empty if none.
    var policyNumberForKey: String { get }
    /// The parties it names, references completed with the record's own source system where left empty.
    var namedParties: [NamedParty] { get }
    /// The day it happened, for "newest first".
    var occurredOn: CalendarDate? { get }
    /// Why it cannot be stored, beyond the checks every record gets; nil when it can.
    var problem: String? { get }
}

extension BusinessRecordMessage {
    /// A party reference with an empty system taken as the record's own system.
    func completed(_ party: SourceRef) -> SourceRef {
        party.sourceSystem.isEmpty ? SourceRef(sourceSystem: ref.sourceSystem, sourceKey: party.sourceKey) : party
    }

    /// Every record's checks, then its own.
    var rejection: String? {
        if ref.sourceSystem.isEmpty { return "ref.source_system is empty: say which system the record comes from" }
        if ref.sourceKey.isEmpty { return "ref.source_key is empty: every record needs its key in its source system" }
        if sourceVersion <= 0 { return "source_version is \(sourceVersion); it must be at least 1" }
        if let party = namedParties.first(where: { $0.ref.sourceKey.isEmpty }) {
            return "a party reference (role \(party.role)) has an empty source_key"
        }
        return problem
    }
}

extension PolicyRecord: BusinessRecordMessage {
    static let kind = BusinessKind.policy
    var policyNumberForKey: String { ref.sourceKey }
    var namedParties: [NamedParty] {
        parties.map { NamedParty(ref: completed($0.party), role: $0.role.protoNumber,
                                 relation: $0.relationToPolicyholder.protoNumber, share: $0.benefitShare) }
    }
    var occurredOn: CalendarDate? { issueDate ?? effectiveDate ?? applicationDate }
    var problem: String? {
        if parties.isEmpty { return "no parties: a policy names at least its policyholder" }
        if let party = parties.first(where: { $0.role == .unspecified }) {
            return "party \(party.party.sourceKey) has no role (policyholder, insured or beneficiary)"
        }
        if premium.minorUnits < 0 { return "premium is negative" }
        if let share = parties.first(where: { !(0...1).contains($0.benefitShare) }) {
            return "benefit_share \(share.benefitShare) of \(share.party.sourceKey) is not between 0 and 1"
        }
        return nil
    }
}

extension PaymentRecord: BusinessRecordMessage {
    static let kind = BusinessKind.payment
    var policyNumberForKey: String { policyNumber }
    var namedParties: [NamedParty] {
        guard let payer, !payer.sourceKey.isEmpty else { return [] }
        return [NamedParty(ref: completed(payer), role: 0)]
    }
    var occurredOn: CalendarDate? { paidDate ?? dueDate }
    var problem: String? { policyNumber.isEmpty ? "policy_number is empty: a payment is for a policy" : nil }
}

extension ClaimRecord: BusinessRecordMessage {
    static let kind = BusinessKind.claim
    var policyNumberForKey: String { policyNumber }
    var namedParties: [NamedParty] { [NamedParty(ref: completed(claimant), role: 0)] }
    var occurredOn: CalendarDate? { incidentDate ?? reportedDate }
    var problem: String? {
        if policyNumber.isEmpty { return "policy_number is empty: a claim is on a policy" }
        if claimedAmount.minorUnits < 0 { return "claimed_amount is negative" }
        return nil
    }
}

extension ServicingRecord: BusinessRecordMessage {
    static let kind = BusinessKind.servicing
    var policyNumberForKey: String { policyNumber }
    var namedParties: [NamedParty] {
        guard let requestedBy, !requestedBy.sourceKey.isEmpty else { return [] }
        return [NamedParty(ref: completed(requestedBy), role: 0)]
    }
    var occurredOn: CalendarDate? { requestedDate ?? closedDate }
    var problem: String? { policyNumber.isEmpty ? "policy_number is empty: servicing is on a policy" : nil }
}

extension ServiceUsageRecord: BusinessRecordMessage {
    static let kind = BusinessKind.serviceUsage
    var policyNumberForKey: String { policyNumber }
    var namedParties: [NamedParty] { [NamedParty(ref: completed(party), role: 0)] }
    var occurredOn: CalendarDate? { usedOn }
    var problem: String? {
        serviceCode.isEmpty && serviceName.isEmpty ? "service_code and service_name are both empty" : nil
    }
}

extension InteractionRecord: BusinessRecordMessage {
    static let kind = BusinessKind.interaction
    var policyNumberForKey: String { "" }
    var namedParties: [NamedParty] {
        var parties = [NamedParty(ref: completed(party), role: 0)]
        if let referredParty, !referredParty.sourceKey.isEmpty {
            parties.append(NamedParty(ref: completed(referredParty), role: 1))
        }
        return parties
    }
    var occurredOn: CalendarDate? {
        occurredAt.unixMicros == 0 ? nil : CalendarDate(unixMicros: occurredAt.unixMicros)
    }
    var problem: String? { type == .unspecified ? "type is unspecified: say what kind of interaction it was" : nil }
}

extension CalendarDate {
    /// The UTC+8 calendar day of an instant (the book's business day).
    init(unixMicros: Int64) {
        let day = PostgresDate(daysSince1970: Int((unixMicros / 1_000_000 + 8 * 3600) / 86_400))
        self.init(year: Int32(day.year), month: Int32(day.month), day: Int32(day.day))
    }
}
