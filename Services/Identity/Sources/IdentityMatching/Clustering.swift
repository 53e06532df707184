/// Why a pair is waiting for a person.
public enum ReviewReason: Sendable, Hashable, Codable {
    /// The pair's posterior lies between the review and link thresholds.
    case reviewBand
    /// The pair scored as a link but its clusters hold different valid identifiers of this type.
    case guardRail(identifierType: String)
}

/// A pair for clerical review, with the reason.
public struct ReviewItem: Sendable, Hashable, Codable {
    /// The pair and its score.
    public var pair: ScoredPair
    /// Why it is in review.
    public var reason: ReviewReason
}

/// Records grouped into clusters, with the links that formed them and the pairs left for review.
public struct Clustering: Sendable {
    /// Cluster of every record id; a cluster is named by the smallest record id in it.
    public var clusterOf: [Int: Int]
    /// The link pairs that joined two clusters, strongest first.
    public var links: [ScoredPair]
    /// Pairs refused by a guard rail and review-band pairs whose records did not end up together.
    public var reviews: [ReviewItem]

    /// Clusters `recordIDs` by union–find over the link pairs of `pairs`, strongest first, never joining two
    /// clusters that hold different values of one identifier type.
    /// - Parameters:
    ///   - recordIDs: every record, linked or not.
    ///   - identifiers: valid identifiers by record id (records without any may be left out).
    ///   - pairs: scored pairs; only `.link` pairs join, `.review` pairs are reported.
    public static func cluster(recordIDs: [Int], identifiers: [Int: [String: String]],
                               pairs: [ScoredPair]) -> Clustering {
        var index: [Int: Int] = [:]
        for (position, id) in recordIDs.enumerated() { index[id] = position }
        var found = GuardedUnionFind(identifiers: recordIDs.map { identifiers[$0] ?? [:] })
        // Strongest first, so that when a guard rail must choose, the best-supported links win.
        let ordered = pairs.sorted { ($0.weight, $1.first, $1.second) > ($1.weight, $0.first, $0.second) }
        var links: [ScoredPair] = [], reviews: [ReviewItem] = [], band: [ScoredPair] = []
        for pair in ordered {
            guard let a = index[pair.first], let b = index[pair.second] else { continue }
            switch pair.outcome {
            case .link:
                switch found.union(a, b) {
                case .joined: links.append(pair)
                case .alreadyTogether: break
                case .refused(let type): reviews.append(ReviewItem(pair: pair, reason: .guardRail(identifierType: type)))
                }
            case .review: band.append(pair)
            case .noLink: break
            }
        }
        for pair in band {
            guard let a = index[pair.first], let b = index[pair.second], found.find(a) != found.find(b) else { continue }
            reviews.append(ReviewItem(pair: pair, reason: .reviewBand))
        }
        var smallest: [Int: Int] = [:]
        for (position, id) in recordIDs.enumerated() {
            let root = found.find(position)
            smallest[root] = min(smallest[root] ?? id, id)
        }
        var clusterOf: [Int: Int] = [:]
        clusterOf.reserveCapacity(recordIDs.count)
        for (position, id) in recordIDs.enumerated() { clusterOf[id] = smallest[found.find(position)] }
        return Clustering(clusterOf: clusterOf, links: links, reviews: reviews)
    }
}
