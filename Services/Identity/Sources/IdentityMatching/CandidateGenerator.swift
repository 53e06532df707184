import Models

/// Turns blocking rules into deduplicated candidate pairs of record indices.
///
/// Each rule files every record under its keys; a block holding more records than the cap is skipped and reported.
/// A pair is emitted once: by the first rule, and within it by the first block, under which the two records meet,
/// so no global sort or set of pairs is needed.
///
/// Keys are made and hashed to 64 bits on all cores, with the caller's hash: the service passes its keyed hash, so the
/// same numbers serve as the persistent blocking index and need not be made again.
struct CandidateGenerator {
    /// The result: pairs as `i << 32 | j` with i < j, how many each rule contributed (in rule order), the blocks that
    /// were skipped, and each record's key hashes (sorted, without repeats, skipped blocks included).
    struct Output: Sendable {
        var pairs: [UInt64]
        var pairsByRule: [(rule: String, pairs: Int)]
        var skipped: [SkippedBlock]
        var recordKeys: [[Int64]]
    }

    /// Block ids of every record under one rule, in compressed rows (`offsets[r]..<offsets[r + 1]` into `blocks`).
    private struct RuleBlocks {
        var offsets: [Int32]
        var blocks: [Int32]
        var members: [[Int32]]
        var active: [Bool]

        func blocks(of record: Int) -> ArraySlice<Int32> { blocks[Int(offsets[record])..<Int(offsets[record + 1])] }

        /// The first active block both records are filed under, if any.
        func firstShared(_ a: Int, _ b: Int) -> Int32? {
            var first: Int32?
            for x in blocks(of: a) where active[Int(x)] {
                for y in blocks(of: b) where x == y { first = min(first ?? x, x) }
            }
            return first
        }
    }

    /// One record's key hashes under each rule (`hashes[rule]`, without repeats).
    private struct RecordKeys: Sendable {
        var hashes: [[Int64]]
    }

    static func generate(_ records: [MatchRecord], rules: [BlockingRule], blockCap: Int, chunks: Int,
                         keyHash: @Sendable (BlockingKey) -> Int64) -> Output {
        let keyed = Parallel.map(count: records.count, chunks: chunks) { range in
            range.map { index in
                RecordKeys(hashes: rules.map { rule in
                    var seen = Set<Int64>()
                    return rule.keys(records[index]).compactMap { key in
                        let hash = keyHash(BlockingKey(rule: rule.name, value: key))
                        return seen.insert(hash).inserted ? hash : nil
                    }
                })
            }
        }.flatMap { $0 }

        var skipped: [SkippedBlock] = []
        var ruleBlocks: [RuleBlocks] = []
        for (r, rule) in rules.enumerated() {
            var ids: [Int64: Int32] = [:]
            var members: [[Int32]] = []
            var offsets: [Int32] = [0]
            var blocks: [Int32] = []
            offsets.reserveCapacity(records.count + 1)
            for index in records.indices {
                for hash in keyed[index].hashes[r] {
                    let id: Int32
                    if let known = ids[hash] {
                        id = known
                    } else {
                        id = Int32(members.count)
                        ids[hash] = id
                        members.append([])
                    }
                    members[Int(id)].append(Int32(index))
                    blocks.append(id)
                }
                offsets.append(Int32(blocks.count))
            }
            let active = members.map { $0.count <= blockCap }
            for (hash, id) in ids where !active[Int(id)] {
                // The key's text is made again from the block's first record, for the report and the stop keys.
                let first = records[Int(members[Int(id)][0])]
                if let key = rule.keys(first).first(where: { keyHash(BlockingKey(rule: rule.name, value: $0)) == hash }) {
                    skipped.append(SkippedBlock(key: BlockingKey(rule: rule.name, value: key),
                                                size: members[Int(id)].count))
                }
            }
            ruleBlocks.append(RuleBlocks(offsets: offsets, blocks: blocks, members: members, active: active))
        }

        var pairs: [UInt64] = []
        var pairsByRule: [(rule: String, pairs: Int)] = []
        for (r, rule) in ruleBlocks.enumerated() {
            let before = pairs.count
            defer { pairsByRule.append((rules[r].name, pairs.count - before)) }
            for (block, members) in rule.members.enumerated() where members.count > 1 && rule.active[block] {
                for x in 0..<members.count {
                    for y in (x + 1)..<members.count {
                        let a = Int(members[x]), b = Int(members[y])
                        // Members are filed in record order, so a < b.
                        guard rule.firstShared(a, b) == Int32(block) else { continue }
                        if ruleBlocks[..<r].contains(where: { $0.firstShared(a, b) != nil }) { continue }
                        pairs.append(UInt64(a) << 32 | UInt64(b))
                    }
                }
            }
        }
        skipped.sort { ($0.size, $0.key.rule, $0.key.value) > ($1.size, $1.key.rule, $1.key.value) }
        let recordKeys = keyed.map { Array(Set($0.hashes.joined())).sorted() }
        return Output(pairs: pairs, pairsByRule: pairsByRule, skipped: skipped, recordKeys: recordKeys)
    }
}
