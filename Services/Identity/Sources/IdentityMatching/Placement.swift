/// Where a new record goes among the stored clusters, given its scored pairs: the one decision that both
/// ``MatchIndex`` and a database-backed resolver make, so they cannot place a record differently.
///
/// The record joins the cluster of its strongest link; further linked clusters merge into that one, strongest
/// first, unless a guard rail refuses (then the pair goes to review); review-band pairs to clusters not already
/// decided go to review. This is what bulk union–find does with the same pairs.
public struct Placement: Sendable, Hashable {
    /// The cluster the record joins, nil when it starts its own.
    public var target: Int?
    /// Clusters merged into `target` because the record linked to them too, in the order they were merged.
    public var absorbed: [Int]
    /// The links that placed the record, strongest first.
    public var links: [ScoredPair]
    /// Review-band pairs, and links a guard rail refused.
    public var reviews: [ReviewItem]

    /// Decides the placement.
    /// - Parameters:
    ///   - record: the record's valid identifiers, by type.
    ///   - pairs: its pairs at or above the review threshold, strongest first (`first` is the stored record).
    ///   - clusterOf: the cluster of each stored record in `pairs`.
    ///   - identifiersOf: the identifiers a cluster holds.
    public static func decide(identifiers record: [String: String], pairs: [ScoredPair], clusterOf: [Int: Int],
                              identifiersOf: (Int) throws -> [String: String]) rethrows -> Placement {
        var held = record
        var placement = Placement(target: nil, absorbed: [], links: [], reviews: [])
        var decided = Set<Int>()
        for pair in pairs where pair.outcome == .link {
            guard let cluster = clusterOf[pair.first], cluster != placement.target,
                !placement.absorbed.contains(cluster)
            else { continue }
            let identifiers = try identifiersOf(cluster)
            if let type = GuardedUnionFind.conflict(held, identifiers) {
                placement.reviews.append(ReviewItem(pair: pair, reason: .guardRail(identifierType: type)))
                continue
            }
            held.merge(identifiers) { kept, _ in kept }
            if placement.target == nil {
                placement.target = cluster
            } else {
                placement.absorbed.append(cluster)
            }
            decided.insert(cluster)
            placement.links.append(pair)
        }
        for pair in pairs where pair.outcome == .review {
            guard let cluster = clusterOf[pair.first], !decided.contains(cluster) else { continue }
            decided.insert(cluster)
            placement.reviews.append(ReviewItem(pair: pair, reason: .reviewBand))
        }
        return placement
    }
}
