import Foundation

/// Folds Chinese characters for matching: traditional and variant forms to simplified, and each character to its
/// toneless pinyin, so that 張 matches 张 and homophones (章, 张: zhang) can be compared at a pinyin level.
///
/// The table is generated from Unihan and OpenCC by `Services/Identity/Scripts/make-hanzi-table.py` and shipped as
/// a resource; characters it does not list fold to themselves and have no pinyin.
public struct ChineseFolding: Sendable {
    private let simplified: [Character: Character]
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

    /// Reads the table format: `char<TAB>simplified<TAB>pinyin` per line, `#` comments.
    public init(table: String) {
        var simplified: [Character: Character] = [:]
        var pinyin: [Character: String] = [:]
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3, let from = columns[0].first, let to = columns[1].first else { continue }
            if from != to { simplified[from] = to }
            if !columns[2].isEmpty { pinyin[from] = String(columns[2]) }
        }
        self.simplified = simplified
        self.pinyin = pinyin
    }

    /// The simplified form of every character of `text`; other characters are kept.
    public func simplify(_ text: String) -> String {
        String(text.map { simplified[$0] ?? $0 })
    }

    /// The toneless pinyin syllables of `text`'s Chinese characters, in order; characters with no reading are left
    /// out. 张三丰 gives ["zhang", "san", "feng"].
    public func pinyinSyllables(_ text: String) -> [String] {
        text.compactMap { character in pinyin[simplified[character] ?? character] ?? pinyin[character] }
    }
}
