internal import IdentityNormalization

/// A key derived from a value for an "exact on a derived key" comparison level: pinyin, a phonetic code, a folded
/// form. The transform runs once per value when a record is prepared, never per comparison.
public struct DerivedKey: Sendable {
    /// A stable name, shown in explanations.
    public let name: String
    /// The key of a value, or nil when the value has none (then the level cannot hold for it).
    public let transform: @Sendable (String) -> String?

    /// Creates a derived key.
    /// - Parameters:
    ///   - name: a stable name, shown in explanations.
    ///   - transform: the key of a value, or nil when the value has none.
    public init(name: String, transform: @escaping @Sendable (String) -> String?) {
        self.name = name
        self.transform = transform
    }

    /// The toneless pinyin of the value's Chinese characters ("张伟" and "章伟" both give "zhang wei"); nil when the
    /// value has no Chinese character with a known reading, so Latin names never agree at this level by accident.
    public static let pinyin = DerivedKey(name: "pinyin") { value in
        let syllables = ChineseFolding.shared.pinyinSyllables(value)
        return syllables.isEmpty ? nil : syllables.joined(separator: " ")
    }

    /// The simplified-Chinese form of the value (張 → 张); other characters are kept.
    public static let simplifiedChinese = DerivedKey(name: "simplified") { value in
        ChineseFolding.shared.simplify(value)
    }

    /// The value's tokens (split on spaces, hyphens, dots and commas) sorted, so word order does not matter.
    public static let sortedTokens = DerivedKey(name: "sorted-tokens") { value in
        let tokens = NameTokens.split(value)
        return tokens.isEmpty ? nil : tokens.sorted().joined(separator: " ")
    }

    /// The American Soundex code of the value's letters (Robert, Rupert → R163): a phonetic level for Latin names.
    public static let soundex = DerivedKey(name: "soundex") { value in Soundex.code(value) }
}
