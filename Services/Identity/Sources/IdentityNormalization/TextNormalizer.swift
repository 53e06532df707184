import Foundation

/// Text folding for comparison keys: width, whitespace, Latin case and diacritics, and Chinese simplified /
/// traditional forms and pinyin.
///
/// Width folding is Unicode NFKC. NFKC leaves unified CJK ideographs, kana and Hangul as they are; it maps
/// full-width ASCII (`ＡＢＣ１２３`) to ASCII, the ideographic space to a space, half-width katakana to full width and
/// CJK compatibility ideographs (U+F900…) to the unified ideograph they duplicate, which is what matching wants.
/// Diacritics are stripped from Latin letters only (combining marks U+0300…U+036F and friends), never the kana
/// voicing marks, so `が` stays `が`.
public enum TextNormalizer {
    /// Full-width and other compatibility forms to their plain equivalents (NFKC).
    ///
    /// `ＡＢＣ１２３` gives `ABC123`, `（北京）` gives `(北京)`, an ideographic space gives a space; `张三` is unchanged.
    public static func foldWidth(_ text: String) -> String {
        // Nearly all text here is ASCII and Chinese, whose NFKC form is taken scalar by scalar; only the rest pays
        // for the full algorithm.
        var changed = false
        for scalar in text.unicodeScalars {
            guard let folded = standaloneWidthFold(scalar) else { return text.precomposedStringWithCompatibilityMapping }
            changed = changed || folded != scalar
        }
        guard changed else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.compactMap(standaloneWidthFold)))
    }

    /// Every run of whitespace, control characters and zero-width characters becomes one space; the ends are trimmed.
    public static func collapseWhitespace(_ text: String) -> String {
        if isCollapsed(text) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if !isVisibleStandalone(scalar) {
                if zeroWidth.contains(scalar.value) { continue }
                if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                    pendingSpace = !result.isEmpty
                    continue
                }
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Width-folded, whitespace-collapsed text: the clean form in which values are shown and parsed.
    public static func clean(_ text: String) -> String {
        collapseWhitespace(foldWidth(text))
    }

    /// Latin letters lower-cased, with their diacritics removed and the letters that do not decompose spelt out
    /// (`ß` → `ss`, `ø` → `o`, `æ` → `ae`, `ł` → `l`...). Non-Latin text is lower-cased by Unicode rules only.
    public static func foldLatin(_ text: String) -> String {
        // Text of scalars that stand alone has no diacritics and nothing to spell out, and NFD and NFC leave it as
        // it is: lower-casing is all there is to do.
        if text.unicodeScalars.allSatisfy({ standaloneWidthFold($0) != nil }) { return text.lowercased() }
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var result = ""
        result.reserveCapacity(decomposed.utf8.count)
        for scalar in decomposed.unicodeScalars {
            if isCombiningDiacritic(scalar.value) { continue }
            if let spelt = speltOut[scalar] {
                result += spelt
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.precomposedStringWithCanonicalMapping
    }

    /// The key two values are compared on: width folded, Chinese folded to simplified, Latin case and diacritics
    /// folded, whitespace collapsed, and spaces next to a Chinese character or kana removed (`张 三` = `张三`).
    /// - Parameters:
    ///   - text: the value.
    ///   - folding: the Hanzi table; the shipped one by default.
    public static func comparisonKey(_ text: String, folding: ChineseFolding = .shared) -> String {
        let folded = collapseWhitespace(foldLatin(folding.simplify(foldWidth(text))))
        return removingSpacesAroundCJK(folded)
    }

    /// The comparison key with every Chinese character replaced by its toneless pinyin; other letters and digits
    /// are kept and spaces removed. `張三丰` and `章三丰` both give `zhangsanfeng`.
    public static func pinyinKey(_ text: String, folding: ChineseFolding = .shared) -> String {
        pinyinSyllables(text, folding: folding).joined()
    }

    /// The comparison key as a list of syllables: one toneless pinyin syllable per Chinese character (characters
    /// with no reading are kept as they are) and one entry per run of other letters and digits.
    public static func pinyinSyllables(_ text: String, folding: ChineseFolding = .shared) -> [String] {
        var syllables: [String] = []
        var run = ""
        for character in comparisonKey(text, folding: folding) {
            if isCJK(character) {
                if !run.isEmpty { syllables.append(run); run = "" }
                syllables.append(folding.pinyinSyllables(String(character)).first ?? String(character))
            } else if character.isLetter || character.isNumber {
                run.append(character)
            } else if !run.isEmpty {
                syllables.append(run)
                run = ""
            }
        }
        if !run.isEmpty { syllables.append(run) }
        return syllables
    }

    /// Whether `character` is a Chinese character (CJK unified or compatibility ideograph, or 〇).
    public static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return isHanScalar(scalar.value)
    }

    /// Whether `text` contains at least one Chinese character.
    public static func containsHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { isHanScalar($0.value) }
    }

    /// Whether `text` contains at least one Latin letter (ASCII or with diacritics).
    public static func containsLatin(_ text: String) -> Bool {
        text.unicodeScalars.contains { isLatinLetter($0) }
    }

    // MARK: - Internals shared by the normalisers

    static func isHanScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return scalar.properties.isAlphabetic
        default: return false
        }
    }

    /// The width-folded (NFKC) form of a scalar that stands alone, or `nil` for one that needs the full algorithm.
    ///
    /// A scalar stands alone when it is a `Character` on its own whatever surrounds it (CR LF aside, both spaces) and
    /// its NFKC form does not depend on its neighbours: ASCII, Chinese characters, CJK punctuation `、。《》【】`,
    /// `·`, dashes and curly quotes stay as they are; full-width ASCII becomes ASCII (`１` → `1`), the ideographic
    /// and no-break spaces a space. Text made only of such scalars can be folded and searched scalar by scalar;
    /// letters with marks, kana, Hangul, emoji, compatibility ideographs and the rest go through `String`.
    static func standaloneWidthFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x00...0x7F, 0xB7, 0x2013...0x2014, 0x2018...0x2019, 0x201C...0x201D, 0x3001...0x301F, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0x20000...0x2F7FF:
            return scalar
        case 0xA0, 0x3000: return " "
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        default: return nil
        }
    }

    /// `character` as one scalar for the Chinese character tables, or `nil` when it has several scalars.
    ///
    /// A CJK compatibility ideograph gives the unified ideograph it is canonically equivalent to (U+F900 → U+8C48
    /// 豈): `Character` comparison and hashing treat the two as one, so a table keyed by scalar must too.
    static func singleScalar(_ character: Character) -> Unicode.Scalar? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
            return nil
        }
        return canonicalIdeograph(first)
    }

    /// `scalar`, or for a CJK compatibility ideograph the unified ideograph it decomposes to (see `singleScalar`).
    static func canonicalIdeograph(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            // Each has no decomposition or a single-scalar one.
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            return decomposed.count == 1 ? decomposed[decomposed.startIndex] : scalar
        default:
            return scalar
        }
    }

    /// Whether `scalar` is a space of any kind (the first scalar decides for a whole `Character`).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case 0x21..<0x80, 0x3001...: false  // no White_Space scalar after the ideographic space
        default: scalar.properties.isWhitespace
        }
    }

    /// Han or kana: scripts written without spaces between words.
    static func isCJK(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return isHanScalar(value) || (0x3040...0x30FF).contains(value)
    }

    /// The ASCII digits of `text` with everything else dropped.
    static func asciiDigits(_ text: String) -> String {
        String(text.filter { $0.isASCII && $0.isNumber })
    }

    private static func removingSpacesAroundCJK(_ text: String) -> String {
        guard text.utf8.contains(0x20) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count,
                isCJK(characters[index - 1]) || isCJK(characters[index + 1])
            {
                continue
            }
            result.append(character)
        }
        return result
    }

    private static func isCombiningDiacritic(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }

    /// Whether `scalar` is one that stands alone (`standaloneWidthFold`) and is neither a space, a control nor zero
    /// width, known without looking its properties up.
    private static func isVisibleStandalone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x20, 0x7F, 0xA0, 0x3000: false
        default: standaloneWidthFold(scalar) != nil
        }
    }

    /// Whether `collapseWhitespace` would leave `text` as it is: visible scalars and single inner spaces only.
    private static func isCollapsed(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "  // a leading space is not collapsed
        for scalar in text.unicodeScalars {
            if scalar == " " ? previous == " " : !isVisibleStandalone(scalar) { return false }
            previous = scalar
        }
        return previous != " "
    }

    private static let zeroWidth: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]

    // Latin letters with no canonical decomposition, spelt the way they are usually transliterated.
    private static let speltOut: [Unicode.Scalar: String] = [
        "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
        "ŋ": "n", "ſ": "s",
    ]
}
