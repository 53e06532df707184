/// Token comparisons for names: the same words in any order, and initials that stand for whole words.
enum NameTokens {
    /// Splits a value into tokens on spaces, hyphens, dots, commas and middle dots (·, used between the
    /// parts of transliterated names in Chinese).
    static func split(_ value: String) -> [String] {
        value.split(whereSeparator: { " -.,·\t".contains($0) }).map(String.init)
    }

    /// True when both hold the same tokens, in any order.
    static func sameSet<Tokens: RandomAccessCollection>(_ a: Tokens, _ b: Tokens) -> Bool
        where Tokens.Element: RandomAccessCollection<UInt32>
    {
        guard a.count == b.count, !a.isEmpty else { return false }
        var used: UInt64 = 0
        outer: for token in a {
            for (j, other) in b.enumerated()
            where j < 64 && used & (1 << UInt64(j)) == 0 && other.elementsEqual(token) {
                used |= 1 << UInt64(j)
                continue outer
            }
            return false
        }
        return true
    }

    /// True when every token of the shorter side stands for a distinct token of the other: equal, or a one-letter
    /// initial of it ("j" ≡ "john", "j smith" ≡ "john smith", "john" ≡ "john paul"). At least one side must hold
    /// a token longer than one letter, so "j" and "k" never agree.
    static func initialsCompatible<Tokens: RandomAccessCollection>(_ a: Tokens, _ b: Tokens) -> Bool
        where Tokens.Element: RandomAccessCollection<UInt32>
    {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var used: UInt64 = 0
        var sawWholeWord = false
        outer: for token in short {
            for (j, other) in long.enumerated() where j < 64 && used & (1 << UInt64(j)) == 0 {
                let agrees: Bool
                if token.elementsEqual(other) {
                    agrees = true
                    if token.count > 1 { sawWholeWord = true }
                } else if token.count == 1 || other.count == 1 {
                    agrees = token.first == other.first
                    if token.count > 1 || other.count > 1 { sawWholeWord = true }
                } else {
                    agrees = false
                }
                if agrees {
                    used |= 1 << UInt64(j)
                    continue outer
                }
            }
            return false
        }
        return sawWholeWord
    }
}
