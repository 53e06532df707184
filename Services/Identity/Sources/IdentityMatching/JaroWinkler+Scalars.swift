extension JaroWinkler {
    /// Jaro–Winkler on runs of Unicode scalar arrays, the form the matcher keeps its prepared values in.
    ///
    /// Strings of up to 64 scalars (nearly every name, street or city) keep their "matched" flags in two bit masks,
    /// so the comparison allocates nothing; longer ones fall back to the general implementation.
    static func similarity(_ sBuffer: borrowing [UInt32], _ sRun: Range<Int>, _ tBuffer: borrowing [UInt32],
                           _ tRun: Range<Int>, prefixScale: Double = 0.1) -> Double {
        // `s` and `t` are runs of larger buffers (a prepared record keeps all its scalars in one); indices below are
        // within the runs.
        let sCount = sRun.count, tCount = tRun.count
        if sCount == 0 && tCount == 0 { return 1 }
        if sCount == 0 || tCount == 0 { return 0 }
        guard sCount <= 64, tCount <= 64 else {
            return similarity(String(decoding: Array(sBuffer[sRun])), String(decoding: Array(tBuffer[tRun])),
                              prefixScale: prefixScale)
        }
        let s0 = sRun.lowerBound, t0 = tRun.lowerBound
        let window = max(0, max(sCount, tCount) / 2 - 1)
        var sMatched: UInt64 = 0, tMatched: UInt64 = 0
        var matches = 0
        for i in 0..<sCount {
            let low = max(0, i - window), high = min(tCount - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where tMatched & (1 << UInt64(j)) == 0 && sBuffer[s0 + i] == tBuffer[t0 + j] {
                sMatched |= 1 << UInt64(i)
                tMatched |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<sCount where sMatched & (1 << UInt64(i)) != 0 {
            while tMatched & (1 << UInt64(j)) == 0 { j += 1 }
            if sBuffer[s0 + i] != tBuffer[t0 + j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(sCount) + m / Double(tCount) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < 4, prefix < sCount, prefix < tCount, sBuffer[s0 + prefix] == tBuffer[t0 + prefix] { prefix += 1 }
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
