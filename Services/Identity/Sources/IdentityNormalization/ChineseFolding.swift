import Foundation

/// Folds Chinese characters for matching: traditional and variant forms to simplified, and each character to its
/// toneless pinyin, so that 張 matches 张 and homophones (章, 张: zhang) can be compared at a pinyin level.
///
/// The table is generated from Unihan and OpenCC by `Services/Identity/Scripts/make-hanzi-table.py` and shipped as
/// a resource; characters it does not list fold to themselves and have no pinyin.
public struct ChineseFolding: Sendable {
    /// The characters that fold to another, by scalar.
    private let simplifications: [Unicode.Scalar: Unicode.Scalar]
    /// One bit per scalar value up to the highest key of `simplifications`, set for its keys: the characters that do
    /// not fold, nearly all of them, are answered without hashing.
    private let simplificationKeys: [UInt64]
    private let pinyin: [Character: String]

    /// The table shipped with the module, read once.
    public static let shared: ChineseFolding = {
        guard let url = Bundle.module.url(forResource: "hanzi-fold", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("hanzi-fold.tsv is missing from the IdentityNormalization bundle")
        }
        return ChineseFolding(table: text)
    }()

    /// Reads the table format: `char<TAB>simplified<TAB>pinyin` per line, `#` comments; each char is one scalar
    /// (a simplification between characters of several scalars is ignored).
    public init(table: String) {
        var simplifications: [Unicode.Scalar: Unicode.Scalar] = [:]
        var pinyin: [Character: String] = [:]
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3, let from = columns[0].first, let to = columns[1].first else { continue }
            if from != to, let key = TextNormalizer.singleScalar(from), to.unicodeScalars.count == 1,
                let value = to.unicodeScalars.first
            {
                simplifications[key] = value
            }
            if !columns[2].isEmpty { pinyin[from] = String(columns[2]) }
        }
        self.simplifications = simplifications
        var keys = [UInt64](repeating: 0, count: Int(simplifications.keys.lazy.map(\.value).max() ?? 0) / 64 + 1)
        for key in simplifications.keys { keys[Int(key.value / 64)] |= 1 << (key.value % 64) }
        self.simplificationKeys = keys
        self.pinyin = pinyin
    }

    /// The simplified form of every character of `text`; other characters are kept.
    public func simplify(_ text: String) -> String {
        // When every scalar stands alone, each is a character of its own and can be folded as a scalar.
        var changed = false
        for scalar in text.unicodeScalars {
            guard TextNormalizer.standaloneWidthFold(scalar) != nil else { return String(text.map(simplified)) }
            changed = changed || simplified(scalar) != scalar
        }
        guard changed else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map(simplified)))
    }

    /// The toneless pinyin syllables of `text`'s Chinese characters, in order; characters with no reading are left
    /// out. 张三丰 gives ["zhang", "san", "feng"].
    public func pinyinSyllables(_ text: String) -> [String] {
        text.compactMap { character in pinyin[simplified(character)] ?? pinyin[character] }
    }

    /// The simplified form of a character that is one scalar; the others are kept.
    func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let key = TextNormalizer.canonicalIdeograph(scalar)
        let word = Int(key.value / 64)
        guard word < simplificationKeys.count, simplificationKeys[word] & 1 << (key.value % 64) != 0 else {
            return scalar
        }
        return simplifications[key] ?? scalar
    }

    private func simplified(_ character: Character) -> Character {
        guard let scalar = TextNormalizer.singleScalar(character), let folded = simplifications[scalar] else {
            return character
        }
        return Character(folded)
    }
}
