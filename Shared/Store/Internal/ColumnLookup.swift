/// Finds a result's columns by name without hashing the name: decoding a row by column names looks up every name
/// for every row, and a whole-book read decodes tens of millions of cells, where SipHash-ing each name showed. The
/// names are spread over a few buckets by their length and first and last bytes (which tell a result's names apart
/// nearly always); a name is compared only with the names of its bucket.
struct ColumnLookup: Sendable {
    private static let buckets = 64
    private let names: [String]
    /// Per bucket, the first column in it plus one (0: none).
    private let heads: [Int]
    /// Per column, the next column in its bucket plus one (0: none).
    private let next: [Int]

    init(_ names: [String]) {
        var heads = [Int](repeating: 0, count: Self.buckets)
        var next = [Int](repeating: 0, count: names.count)
        // Columns are chained from the last to the first, so that the first of repeated names is found.
        for column in names.indices.reversed() {
            let bucket = Self.bucket(of: names[column])
            next[column] = heads[bucket]
            heads[bucket] = column + 1
        }
        self.names = names
        self.heads = heads
        self.next = next
    }

    /// The position of the first column named exactly `name`.
    func position(of name: String) -> Int? {
        var candidate = heads[Self.bucket(of: name)]
        while candidate > 0 {
            if names[candidate - 1] == name { return candidate - 1 }
            candidate = next[candidate - 1]
        }
        return nil
    }

    private static func bucket(of name: String) -> Int {
        // Names are nearly always native strings (literals, or read from the result): their bytes at hand, without
        // walking the UTF-8 view backwards for the last one, which showed in a whole-book read.
        if let bucket = name.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.isEmpty ? 0 : bucket(count: bytes.count, first: bytes[0], last: bytes[bytes.count - 1])
        }) {
            return bucket
        }
        let utf8 = name.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return bucket(count: utf8.count, first: first, last: last)
    }

    private static func bucket(count: Int, first: UInt8, last: UInt8) -> Int {
        (count &* 31 &+ Int(first) &* 7 &+ Int(last)) & (buckets - 1)
    }
}
