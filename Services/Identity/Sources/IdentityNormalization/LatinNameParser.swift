/// The Latin-script half of `PersonNameNormalizer`: titles, suffixes, particles, initials and name order.
enum LatinNameParser {
    /// Parses a full name: "Family, Given Middle", or "Given Middle Family", or "FAMILY Given".
    static func parse(fullName: String) -> PersonName? {
        let segments = unify(fullName).split(separator: ",").map { words(String($0)) }.filter { !$0.isEmpty }
        var suffix: String?
        // Segments that are only suffixes or titles ("Smith, John, Jr.", "Smith, Dr John") hold no name.
        var kept: [[Word]] = []
        for segment in segments {
            if segment.allSatisfy({ suffixes.contains($0.folded) }) {
                suffix = suffix ?? segment.first.map { canonicalSuffix($0.folded) }
            } else {
                kept.append(segment)
            }
        }
        guard !kept.isEmpty else { return nil }
        if kept.count >= 2 {
            var family = strippingTitles(kept[0])
            suffix = takeSuffix(&family) ?? suffix
            var given = strippingTitles(kept[1...].flatMap { $0 })
            suffix = takeSuffix(&given) ?? suffix
            return build(given: given, family: family, suffix: suffix)
        }
        var all = strippingTitles(kept[0])
        suffix = takeSuffix(&all) ?? suffix
        guard !all.isEmpty else { return nil }
        if all.count == 1 { return build(given: [], family: all, suffix: suffix) }
        // "ZHANG San": the family name in capitals first, as passports and many Asian sources write it.
        if all[0].isAllCaps, all[0].text.count > 1, all.dropFirst().contains(where: { !$0.isAllCaps }) {
            return build(given: Array(all.dropFirst()), family: [all[0]], suffix: suffix)
        }
        var familyStart = all.count - 1
        while familyStart > 1, particles.contains(all[familyStart - 1].folded) { familyStart -= 1 }
        return build(given: Array(all[..<familyStart]), family: Array(all[familyStart...]), suffix: suffix)
    }

    /// Parses given and family names supplied in separate fields.
    static func parse(given: String, family: String) -> PersonName? {
        var givenWords = strippingTitles(words(unify(given)))
        var familyWords = strippingTitles(words(unify(family)))
        let suffix = takeSuffix(&familyWords) ?? takeSuffix(&givenWords)
        return build(given: givenWords, family: familyWords, suffix: suffix)
    }

    // MARK: - Words

    private struct Word {
        /// As written, dots removed.
        var text: String
        /// Lower case, diacritics and apostrophes removed.
        var folded: String
        /// Written as "J." or "J": one letter.
        var isInitial: Bool { folded.count == 1 }
        var isAllCaps: Bool { text.contains(where: \.isLetter) && text == text.uppercased() }
    }

    /// Apostrophes and dashes unified.
    private static func unify(_ text: String) -> String {
        String(text.map { apostrophes.contains($0) ? "'" : dashes.contains($0) ? "-" : $0 })
    }

    /// The words of a name: split on spaces, and "J.R." split into one word per initial.
    private static func words(_ text: String) -> [Word] {
        text.split(separator: " ").flatMap { token -> [Word] in
            let pieces = token.split(separator: ".").map(String.init)
            let isInitials = pieces.count > 1 && pieces.allSatisfy { $0.count == 1 }
            let parts = isInitials ? pieces : [pieces.joined()]
            return parts.compactMap { part in
                let trimmed = part.trimmingCharacters { $0 == "-" || $0 == "'" }
                let folded = String(TextNormalizer.foldLatin(trimmed).filter { $0 != "'" })
                return folded.isEmpty ? nil : Word(text: trimmed, folded: folded)
            }
        }
    }

    private static func strippingTitles(_ words: [Word]) -> [Word] {
        var words = words
        while let first = words.first, titles.contains(first.folded) { words.removeFirst() }
        return words
    }

    private static func takeSuffix(_ words: inout [Word]) -> String? {
        var found: String?
        while words.count > 1, suffixes.contains(words.last!.folded) {
            found = canonicalSuffix(words.removeLast().folded)
        }
        return found
    }

    private static func canonicalSuffix(_ folded: String) -> String {
        switch folded {
        case "jnr", "junior": "jr"
        case "snr", "senior": "sr"
        default: folded
        }
    }

    private static func build(given: [Word], family: [Word], suffix: String?) -> PersonName? {
        let familyName = family.map(\.folded).joined(separator: " ")
        let givenName = given.first?.folded ?? ""
        let middle = given.dropFirst().map(\.folded)
        guard !familyName.isEmpty || !givenName.isEmpty else { return nil }
        let initials = given.compactMap { $0.folded.first.map(String.init) }
        return PersonName(script: .latin, family: familyName, given: givenName, middle: Array(middle),
                          initials: initials, suffix: suffix)
    }

    // MARK: - Word lists

    private static let apostrophes: Set<Character> = ["’", "‘", "`", "´", "ʼ", "′", "'"]
    private static let dashes: Set<Character> = ["‐", "‑", "‒", "–", "—", "―", "-"]

    private static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "revd", "reverend", "fr",
        "father", "lady", "lord", "hon", "madam", "madame", "mme", "mlle", "herr", "frau", "sr", "sra", "srta",
        "mister", "doctor", "capt", "captain", "col", "gen", "sgt", "lt", "maj",
    ]

    private static let suffixes: Set<String> = [
        "jr", "jnr", "junior", "sr", "snr", "senior", "ii", "iii", "iv", "phd", "md", "esq", "dds", "mba", "cpa",
    ]

    private static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "st", "ter",
        "ten", "bin", "binti", "bint", "al", "el", "ibn", "y", "zu", "mac", "af", "av",
    ]
}
