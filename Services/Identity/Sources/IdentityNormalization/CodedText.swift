/// Text as one integer code per `Character`, so that a parser compares integers instead of grapheme clusters.
///
/// A character that is one Unicode scalar is coded as its scalar value: nearly every character of an address
/// (Chinese, ASCII, full-width forms). A character of several scalars (a letter with a combining mark, an emoji
/// sequence, a Hangul syllable written in jamo) is coded as `clusterBase + i` and kept whole in `clusters[i]`: like
/// that `Character`, it never equals a single scalar, and it is rebuilt as it was.
struct CodedText {
    /// The first code of a character of several scalars; every scalar value is below it.
    static let clusterBase: UInt32 = 0x11_0000

    /// One code per character. Codes may be removed or replaced by scalar values; a cluster code must be kept as
    /// it is, or dropped.
    var codes: [UInt32]
    private var clusters: [Character] = []
    /// Whether every character is a scalar that stands alone (`TextNormalizer.standaloneWidthFold`). If not,
    /// characters brought together by a removal may join into one, as they would in a `String`.
    private var standalone: Bool

    /// Codes of scalars that stand alone (see `TextNormalizer.standaloneWidthFold`), one per character.
    init(standalone codes: [UInt32]) {
        self.codes = codes
        self.standalone = true
    }

    /// The characters of `text`.
    init(_ text: some StringProtocol) {
        codes = []
        codes.reserveCapacity(text.utf8.count)
        standalone = text.unicodeScalars.allSatisfy { TextNormalizer.standaloneWidthFold($0) != nil }
        for character in text {
            let scalars = character.unicodeScalars
            if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
                codes.append(first.value)
            } else {
                codes.append(Self.clusterBase + UInt32(clusters.count))
                clusters.append(character)
            }
        }
    }

    /// The characters of some of this text's codes (a slice of `codes`, usually).
    func string(of codes: some Sequence<UInt32>) -> String {
        // Bytes first, then one string: far cheaper than appending scalar by scalar to a string.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(4 * codes.underestimatedCount)
        for code in codes {
            if let scalar = Unicode.Scalar(code) {
                utf8.append(contentsOf: scalar.utf8)
            } else {
                utf8.append(contentsOf: clusters[Int(code - Self.clusterBase)].utf8)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The whole text.
    var string: String { string(of: codes) }

    /// The character a code stands for.
    func character(_ code: UInt32) -> Character {
        Unicode.Scalar(code).map(Character.init) ?? clusters[Int(code - Self.clusterBase)]
    }

    /// The first scalar of the character a code stands for, which decides its properties (`Character.isWhitespace`,
    /// `TextNormalizer.isHan`).
    func firstScalar(_ code: UInt32) -> Unicode.Scalar? {
        Unicode.Scalar(code) ?? clusters[Int(code - Self.clusterBase)].unicodeScalars.first
    }

    /// Removes the characters of `range`; the characters on either side are joined as in a `String`.
    mutating func removeSubrange(_ range: Range<Int>) {
        codes.removeSubrange(range)
        if !standalone { self = CodedText(string) }
    }
}
