/// A person's sex as recorded on identity documents (identity.proto `Sex`).
public enum Sex: String, Sendable, Hashable, CaseIterable {
    /// 男.
    case male
    /// 女.
    case female

    /// Reads the common spellings of a sex field: `M`/`F`, `male`/`female`, `男`/`女`, `1`/`2` (GB/T 2261.1 codes),
    /// case-insensitive and width-folded; `nil` for anything else (including "unknown" and `0`/`9`).
    public init?(code: String) {
        switch TextNormalizer.comparisonKey(code) {
        case "m", "male", "man", "男", "1", "男性": self = .male
        case "f", "female", "woman", "女", "2", "女性": self = .female
        default: return nil
        }
    }
}
