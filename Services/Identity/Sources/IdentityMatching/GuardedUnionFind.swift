/// Union–find over record indices whose clusters remember their valid identifiers, and refuse to join when that
/// would put two different values of one identifier type in one cluster.
struct GuardedUnionFind {
    /// What a union did.
    enum Union: Equatable {
        case joined
        case alreadyTogether
        /// Refused: the clusters hold different values of this identifier type.
        case refused(String)
    }

    private var parent: [Int32]
    private var size: [Int32]
    /// Identifiers held by each root that holds any; most records hold none, so this stays small.
    private var identifiers: [Int32: [String: String]]

    init(identifiers: [[String: String]]) {
        parent = (0..<Int32(identifiers.count)).map { $0 }
        size = [Int32](repeating: 1, count: identifiers.count)
        self.identifiers = [:]
        for (index, ids) in identifiers.enumerated() where !ids.isEmpty { self.identifiers[Int32(index)] = ids }
    }

    mutating func find(_ x: Int) -> Int {
        var root = Int32(x)
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var node = Int32(x)
        while parent[Int(node)] != root {
            let next = parent[Int(node)]
            parent[Int(node)] = root
            node = next
        }
        return Int(root)
    }

    /// The identifier type on which two identifier sets disagree, if any.
    static func conflict(_ a: [String: String]?, _ b: [String: String]?) -> String? {
        guard let a, let b else { return nil }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        return small.keys.sorted().first { large[$0] != nil && large[$0] != small[$0] }
    }

    mutating func union(_ a: Int, _ b: Int) -> Union {
        var x = Int32(find(a)), y = Int32(find(b))
        if x == y { return .alreadyTogether }
        if let type = Self.conflict(identifiers[x], identifiers[y]) { return .refused(type) }
        if size[Int(x)] < size[Int(y)] { swap(&x, &y) }
        parent[Int(y)] = x
        size[Int(x)] += size[Int(y)]
        if let moved = identifiers.removeValue(forKey: y) {
            identifiers[x, default: [:]].merge(moved) { kept, _ in kept }
        }
        return .joined
    }
}
