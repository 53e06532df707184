extension JaroWinkler {
    /// Jaro–Winkler on Unicode scalar arrays, the form the matcher keeps its prepared values in.
    ///
    /// Strings of up to 64 scalars (nearly every name, street or city) keep their "matched" flags in two bit masks,
    /// so the comparison allocates nothing; longer ones fall back to the general implementation.
    static func similarity(_ s: borrowing [UInt32], _ t: borrowing [UInt32], prefixScale: Double = 0.1) -> Double {
        if s.isEmpty && t.isEmpty { return 1 }
        if s.isEmpty || t.isEmpty { return 0 }
        guard s.count <= 64, t.count <= 64 else {
            return similarity(String(decoding: copy s), String(decoding: copy t), prefixScale: prefixScale)
        }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        var sMatched: UInt64 = 0, tMatched: UInt64 = 0
        var matches = 0
        for i in 0..<s.count {
            let low = max(0, i - window), high = min(t.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where tMatched & (1 << UInt64(j)) == 0 && s[i] == t[j] {
                sMatched |= 1 << UInt64(i)
                tMatched |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<s.count where sMatched & (1 << UInt64(i)) != 0 {
            while tMatched & (1 << UInt64(j)) == 0 { j += 1 }
            if s[i] != t[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < 4, prefix < s.count, prefix < t.count, s[prefix] == t[prefix] { prefix += 1 }
        return jaro + Double(prefix) * prefixScale * (1 - jaro)
    }
}

extension String {
    /// Rebuilds a string from Unicode scalar values; invalid values (never produced by the matcher) are dropped.
    init(decoding scalars: [UInt32]) {
        var text = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { text.append(scalar) } }
        self = String(text)
    }
}
