/// A person's name split into parts, each in comparison form.
///
/// Chinese names are in simplified characters with their toneless pinyin; Latin-script names are lower case with
/// diacritics and apostrophes removed (`O’Brien` → `obrien`), hyphens kept inside a part (`smith-jones`).
public struct PersonName: Sendable, Hashable, CustomStringConvertible {
    /// The writing system the name was recognised as.
    public enum Script: String, Sendable, Hashable {
        /// Chinese characters only (a separator dot allowed).
        case chinese
        /// Latin letters only.
        case latin
        /// Anything else or a mixture: only `full` is filled in.
        case other
    }

    /// The writing system.
    public var script: Script
    /// The family name (surname): `张`, `欧阳`, `smith`, `van der berg`; empty when it cannot be told.
    public var family: String
    /// The given name: `三丰`, or the first Latin given name, `john`.
    public var given: String
    /// Latin middle names or middle initials, in order: `["a"]` for "John A. Smith".
    public var middle: [String]
    /// The first letter of the given name and of each middle name (Latin), or of each pinyin syllable of the given
    /// name (Chinese): `["j", "a"]`, `["s", "f"]`.
    public var initials: [String]
    /// A generational suffix that was removed (`jr`, `sr`, `ii`, `iii`, `iv`), or `nil`.
    public var suffix: String?
    /// Toneless pinyin of the family name (Chinese), with surname readings (曾 → zeng, 单 → shan).
    public var familyPinyin: [String]
    /// Toneless pinyin of the given name (Chinese).
    public var givenPinyin: [String]

    /// Creates the value; use `PersonNameNormalizer` to obtain one from source fields.
    public init(script: Script, family: String, given: String, middle: [String] = [], initials: [String] = [],
                suffix: String? = nil, familyPinyin: [String] = [], givenPinyin: [String] = []) {
        self.script = script
        self.family = family
        self.given = given
        self.middle = middle
        self.initials = initials
        self.suffix = suffix
        self.familyPinyin = familyPinyin
        self.givenPinyin = givenPinyin
    }

    /// The whole name in one comparison key: family then given for Chinese (`张三丰`), given, middle and family
    /// separated by spaces for Latin (`john a smith`).
    public var full: String {
        switch script {
        case .chinese: family + given
        case .latin, .other: ([given] + middle + [family]).filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// The whole name's pinyin without separators (Chinese), e.g. `zhangsanfeng`; empty for other scripts.
    public var pinyinKey: String { (familyPinyin + givenPinyin).joined() }

    /// The given name with a common English diminutive replaced by its formal name (`bob` → `robert`).
    public var canonicalGiven: String { GivenNameNicknames.canonical(given) }

    /// `full`.
    public var description: String { full }
}
