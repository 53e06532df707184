import Models

/// Turns blocking rules into deduplicated candidate pairs of record indices.
///
/// Each rule files every record under its keys; a block holding more records than the cap is skipped and reported.
/// A pair is emitted once: by the first rule, and within it by the first block, under which the two records meet,
/// so no global sort or set of pairs is needed.
///
/// Rules are filed and their pairs made on all cores, one rule at a time per core. Keys are hashed to 64 bits with
/// the caller's hash: the service passes its keyed hash, so the same numbers serve as the persistent blocking index
/// and need not be made again. Everything of the size of the book is kept in flat arrays (compressed rows), not an
/// array per record or per block: at a million records that is the difference between megabytes and gigabytes.
struct CandidateGenerator {
    /// The result: pairs as `i << 32 | j` with i < j, how many each rule contributed (in rule order), the blocks that
    /// were skipped, and each record's key hashes (sorted, without repeats, skipped blocks included).
    struct Output: Sendable {
        var pairs: [UInt64]
        var pairsByRule: [(rule: String, pairs: Int)]
        var skipped: [SkippedBlock]
        var recordKeys: [[Int64]]
    }

    static func generate(_ records: [MatchRecord], rules: [BlockingRule], blockCap: Int, chunks: Int,
                         keyHash: @Sendable (BlockingKey) -> Int64) -> Output {
        let filed = Parallel.map(count: rules.count, chunks: rules.count) { range in
            RuleBlocks(records, rule: rules[range.lowerBound], blockCap: blockCap, keyHash: keyHash)
        }
        let pairsOfRule = Parallel.map(count: rules.count, chunks: rules.count) { range in
            filed[range.lowerBound].pairs(notFoundBy: filed[..<range.lowerBound])
        }
        let recordKeys = Parallel.map(count: records.count, chunks: chunks) { range in
            range.map { record in
                var keys: [Int64] = []
                for rule in filed { keys += rule.hashes(of: record) }
                keys.sort()
                return keys.uniqued()
            }
        }.flatMap { $0 }
        return Output(pairs: pairsOfRule.flatMap { $0 },
                      pairsByRule: zip(rules, pairsOfRule).map { ($0.name, $1.count) },
                      skipped: filed.flatMap(\.skipped).sorted {
                          ($0.size, $0.key.rule, $0.key.value) > ($1.size, $1.key.rule, $1.key.value)
                      },
                      recordKeys: recordKeys)
    }
}

/// One rule's filing of every record, in compressed rows: record `r`'s entries are `entryStarts[r]..<entryStarts[r+1]`
/// of `hashes` and `blocks`; block `b`'s members are `memberStarts[b]..<memberStarts[b+1]` of `members`, in record
/// order.
private struct RuleBlocks: Sendable {
    var entryStarts: [Int32]
    var hashes: [Int64]
    var blocks: [Int32]
    var memberStarts: [Int32]
    var members: [Int32]
    var blockCap: Int
    var skipped: [SkippedBlock] = []

    init(_ records: [MatchRecord], rule: BlockingRule, blockCap: Int, keyHash: (BlockingKey) -> Int64) {
        self.blockCap = blockCap
        entryStarts = [0]
        entryStarts.reserveCapacity(records.count + 1)
        hashes = []
        blocks = []
        var ids: [Int64: Int32] = [:]
        var sizes: [Int32] = []
        for record in records {
            let before = hashes.count
            for key in rule.keys(record) {
                let hash = keyHash(BlockingKey(rule: rule.name, value: key))
                if hashes[before...].contains(hash) { continue }
                let id: Int32
                if let known = ids[hash] {
                    id = known
                    sizes[Int(id)] += 1
                } else {
                    id = Int32(sizes.count)
                    ids[hash] = id
                    sizes.append(1)
                }
                hashes.append(hash)
                blocks.append(id)
            }
            entryStarts.append(Int32(hashes.count))
        }
        // Counting sort of the entries by block: members come out in record order.
        memberStarts = [0]
        memberStarts.reserveCapacity(sizes.count + 1)
        for size in sizes { memberStarts.append(memberStarts[memberStarts.count - 1] + size) }
        var next = memberStarts.dropLast().map { Int($0) }
        members = [Int32](repeating: 0, count: blocks.count)
        for record in records.indices {
            for entry in Int(entryStarts[record])..<Int(entryStarts[record + 1]) {
                let block = Int(blocks[entry])
                members[next[block]] = Int32(record)
                next[block] += 1
            }
        }
        for (hash, id) in ids where Int(sizes[Int(id)]) > blockCap {
            // The key's text is made again from the block's first record, for the report and the stop keys.
            let first = records[Int(members[Int(memberStarts[Int(id)])])]
            if let key = rule.keys(first).first(where: { keyHash(BlockingKey(rule: rule.name, value: $0)) == hash }) {
                skipped.append(SkippedBlock(key: BlockingKey(rule: rule.name, value: key), size: Int(sizes[Int(id)])))
            }
        }
    }

    func hashes(of record: Int) -> ArraySlice<Int64> { hashes[Int(entryStarts[record])..<Int(entryStarts[record + 1])] }

    func members(of block: Int) -> ArraySlice<Int32> {
        members[Int(memberStarts[block])..<Int(memberStarts[block + 1])]
    }

    func isActive(_ block: Int32) -> Bool { Int(memberStarts[Int(block) + 1] - memberStarts[Int(block)]) <= blockCap }

    /// The first active block both records are filed under, if any.
    func firstShared(_ a: Int, _ b: Int) -> Int32? {
        var first: Int32?
        for x in blocks[Int(entryStarts[a])..<Int(entryStarts[a + 1])] where isActive(x) {
            for y in blocks[Int(entryStarts[b])..<Int(entryStarts[b + 1])] where x == y { first = min(first ?? x, x) }
        }
        return first
    }

    /// The pairs this rule finds that no earlier rule found, each under its first shared block.
    func pairs(notFoundBy earlier: ArraySlice<RuleBlocks>) -> [UInt64] {
        var pairs: [UInt64] = []
        for block in 0..<(memberStarts.count - 1) where isActive(Int32(block)) {
            let members = self.members(of: block)
            guard members.count > 1 else { continue }
            for x in members.indices {
                for y in (x + 1)..<members.endIndex {
                    let a = Int(members[x]), b = Int(members[y])
                    // Members are filed in record order, so a < b.
                    guard firstShared(a, b) == Int32(block) else { continue }
                    if earlier.contains(where: { $0.firstShared(a, b) != nil }) { continue }
                    pairs.append(UInt64(a) << 32 | UInt64(b))
                }
            }
        }
        return pairs
    }
}

private extension Array where Element == Int64 {
    /// A sorted array without its repeats.
    func uniqued() -> [Int64] {
        var kept: [Int64] = []
        kept.reserveCapacity(count)
        for value in self where kept.last != value { kept.append(value) }
        return kept
    }
}
