import Foundation
import IdentityAPI
import IdentityMatching
import IdentityResolution
import PersonalData
import Store

/// Turns the matcher's scored pairs into the wire's explained candidates (issue 3 item 3: every link carries the
/// per-field contributions to its weight), masking the compared values unless the caller may see personal data.
struct Explanations {
    let context: IdentityContext
    let connection: PostgresConnection
    let reveal: Bool

    /// One candidate per customer, best pair first, with its verdict after guard rails.
    func candidates(record: MatchRecord, pairs: [ScoredPair], candidates: [OnlineResolver.Candidate],
                    matcher: Matcher, placement: Placement) throws -> [MatchCandidate] {
        var seen = Set<Int64>(), result: [MatchCandidate] = []
        let guarded = Dictionary(placement.reviews.map { ($0.pair.first, $0.guardRailText) }, uniquingKeysWith: { a, _ in a })
        for pair in pairs {
            guard let candidate = candidates.first(where: { $0.record.id == pair.first }),
                seen.insert(candidate.customer).inserted
            else { continue }
            result.append(try self.candidate(record: record, candidate: candidate, pair: pair, matcher: matcher,
                                             guardRail: guarded[pair.first] ?? nil))
        }
        return result
    }

    /// The explained comparison of `record` with one stored candidate.
    func candidate(record: MatchRecord, candidate: OnlineResolver.Candidate, pair: ScoredPair, matcher: Matcher,
                   guardRail: String?) throws -> MatchCandidate {
        let explanation = matcher.explain(candidate.record, record)
        let comparisons = explanation.fields.map { field in
            IdentityAPI.FieldComparison(
                field: field.field, level: field.label, weight: field.weight, mProbability: field.m,
                uProbability: field.u, termFrequencyAdjusted: field.valueFrequency != nil,
                queryValue: show(record.values(field.field), field: field.field),
                candidateValue: show(candidate.record.values(field.field), field: field.field))
        }
        var outcome: IdentityAPI.MatchOutcome = switch pair.outcome {
        case .link: .link
        case .review: .clericalReview
        case .noLink: .noLink
        }
        if guardRail != nil { outcome = .clericalReview }
        return MatchCandidate(customerCode: try PartyStore.code(ofCustomer: candidate.customer, on: connection),
                              bestRecord: candidate.ref, totalWeight: pair.weight,
                              matchProbability: pair.posterior, outcome: outcome, comparisons: comparisons,
                              guardRails: guardRail.map { [$0] } ?? [])
    }

    /// A match field's values for display: as normalised, or masked by the field's rule.
    func show(_ values: some Collection<String>, field: String) -> String {
        let text = values.joined(separator: " | ")
        guard !reveal, !text.isEmpty else { return text }
        return values.map { FieldMasking.mask($0, matchField: field) }.joined(separator: " | ")
    }
}

extension IdentityAPI.MatchThresholds {
    /// The thresholds a matcher decides with, and the version of its parameters, as the wire shows them.
    init(_ matcher: Matcher, version: String) {
        self.init(linkWeight: matcher.thresholds.linkWeight, reviewWeight: matcher.thresholds.reviewWeight,
                  parametersVersion: version)
    }
}

/// How each match field's values are masked for callers without the `pii` role.
///
/// Name fields follow `PartyMasking`'s rule per name part: a family name is shown, a given name is never shown
/// whole (`三丰` → `**`, `michaela` → `m***`), an organisation's name is shown.
enum FieldMasking {
    typealias F = PartyMatching.Field

    static func mask(_ value: String, matchField field: String) -> String {
        switch field {
        case F.document:
            // `type:number`: the type stays readable.
            guard let cut = value.firstIndex(of: ":") else { return Masking.documentNumber(value) }
            return String(value[...cut]) + Masking.documentNumber(String(value[value.index(after: cut)...]))
        case F.phone: return Masking.phone(value)
        case F.email: return Masking.email(value)
        case F.familyName: return value
        case F.givenName: return Masking.givenName(value)
        case F.birthDate: return Masking.mask(value, head: 4, tail: 0)
        case F.address: return Masking.mask(value, head: 3, tail: 0)
        default: return value
        }
    }
}

extension IdentityMatching.ReviewItem {
    /// The guard rail that stopped the link, in words; nil for a review-band pair.
    var guardRailText: String? {
        switch reason {
        case .reviewBand: nil
        case .guardRail(let type): "different valid \(type.replacingOccurrences(of: "_", with: " ")) numbers"
        }
    }
}
