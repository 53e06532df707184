/// Normalises people's names, Chinese and Latin-script, from a full name or from separate given and family names.
///
/// Chinese (Han characters only): width folded, spaces removed, traditional characters folded to simplified; the
/// family name is the first character, or the first two for a compound surname (`ChineseSurnames.compound`), or
/// the part before a space when the source wrote one (`欧阳 修`); a name written with a separator dot
/// (`迈克尔·乔丹`, transliterations and minority names) is given name first, family name last.
///
/// Latin script: titles at the start (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Sir, Dame, Rev, Fr, Lady, Lord, Hon,
/// Madam, Mme, Mlle, Herr, Frau, Sr/Sra/Srta as Spanish titles at the start) and suffixes at the end (Jr, Sr,
/// II, III, IV, PhD, MD, Esq, and after a comma any of these) are removed; "Family, Given Middle" is read when
/// there is a comma, otherwise "Given Middle Family", or family first when only the first word is in capitals
/// (`ZHANG San`); lower-case particles before the last word join the family name (`van der`, `de la`, `bin`,
/// `al`...); "J." and "J" are initials; `J.R.` is two initials; apostrophes are removed and dashes unified to `-`.
public enum PersonNameNormalizer {
    /// Normalises a name given as one string.
    /// - Parameters:
    ///   - fullName: the name as given.
    ///   - folding: the Hanzi table.
    public static func normalize(fullName: String, folding: ChineseFolding = .shared) -> Normalized<PersonName> {
        normalize(fullName: fullName, given: "", family: "", folding: folding)
    }

    /// Normalises a name from whichever fields the source has: separate given and family names are used when
    /// either is present, the full name otherwise.
    /// - Parameters:
    ///   - fullName: the full name as given, or empty.
    ///   - given: the given name(s) as given, or empty.
    ///   - family: the family name as given, or empty.
    ///   - folding: the Hanzi table.
    public static func normalize(fullName: String = "", given: String, family: String,
                                 folding: ChineseFolding = .shared) -> Normalized<PersonName> {
        let separate = !TextNormalizer.clean(given).isEmpty || !TextNormalizer.clean(family).isEmpty
        let raw = separate ? [family, given].filter { !$0.isEmpty }.joined(separator: ", ") : fullName
        let text = TextNormalizer.clean(separate ? family + " " + given : fullName)
        if text.isEmpty { return .empty(raw) }
        if placeholders.contains(TextNormalizer.comparisonKey(text)) {
            return .invalid(raw, [NormalizationProblem(.invalidFormat, "a placeholder, not a name")])
        }
        let name: PersonName?
        let hasHan = TextNormalizer.containsHan(text)
        let hasLatin = TextNormalizer.containsLatin(text)
        if hasHan, !hasLatin {
            name = separate
                ? chineseName(family: TextNormalizer.clean(family), given: TextNormalizer.clean(given), folding: folding)
                : chineseName(TextNormalizer.clean(fullName), folding: folding)
        } else if hasLatin, !hasHan {
            name = separate
                ? LatinNameParser.parse(given: TextNormalizer.clean(given), family: TextNormalizer.clean(family))
                : LatinNameParser.parse(fullName: TextNormalizer.clean(fullName))
        } else {
            let key = TextNormalizer.comparisonKey(text, folding: folding)
            name = key.isEmpty ? nil : PersonName(script: .other, family: "", given: key)
        }
        guard let name, !(name.family.isEmpty && name.given.isEmpty) else {
            return .invalid(raw, [NormalizationProblem(.invalidFormat, "no name left after removing titles and marks")])
        }
        var problems: [NormalizationProblem] = []
        if text.contains(where: { isDigit($0) || "@#$%&*=<>?!_|\\".contains($0) }) {
            problems.append(NormalizationProblem(.suspiciousName, severity: .warning, "contains digits or symbols"))
        }
        return Normalized(raw: raw, value: name, problems: problems)
    }

    /// Whether a character is a decimal digit of any script (Unicode category Nd: `3`, `３`, `٣`). Not
    /// `Character.isNumber`, which also holds for Han numerals (`三`, `一`, `万`, `〇`) that are ordinary in
    /// names (张三丰, 李一, 王万里).
    private static func isDigit(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.generalCategory == .decimalNumber }
    }

    /// The formal given name for a common English diminutive (`Bob` → `robert`), or the name folded.
    public static func canonicalGivenName(_ name: String) -> String {
        GivenNameNicknames.canonical(name)
    }

    // MARK: - Chinese

    private static func chineseName(_ text: String, folding: ChineseFolding) -> PersonName? {
        let simplified = folding.simplify(text)
        let segments = simplified.split(whereSeparator: { nameDots.contains($0) }).map {
            String($0.filter { !$0.isWhitespace })
        }.filter { !$0.isEmpty }
        if segments.count >= 2 {
            // Transliterated and minority names: given name first, family (or father's) name last.
            return chinese(family: segments.last!, given: segments.first!,
                           middle: Array(segments.dropFirst().dropLast()), folding: folding)
        }
        let spaced = simplified.split(separator: " ").map(String.init)
        if spaced.count == 2, (1...2).contains(spaced[0].count) {
            return chinese(family: spaced[0], given: spaced[1], folding: folding)
        }
        let characters = Array(simplified.filter { !$0.isWhitespace && !nameDots.contains($0) })
        guard !characters.isEmpty else { return nil }
        let length = ChineseSurnames.familyLength(of: characters)
        return chinese(family: String(characters[..<length]), given: String(characters[length...]), folding: folding)
    }

    private static func chineseName(family: String, given: String, folding: ChineseFolding) -> PersonName? {
        let strip = { (text: String) in String(folding.simplify(text).filter { !$0.isWhitespace && !nameDots.contains($0) }) }
        return chinese(family: strip(family), given: strip(given), folding: folding)
    }

    private static func chinese(family: String, given: String, middle: [String] = [],
                                folding: ChineseFolding) -> PersonName {
        let familyPinyin = ChineseSurnames.readings[family]
            ?? family.flatMap { ChineseSurnames.readings[String($0)] ?? pinyin($0, folding) }
        let givenPinyin = (middle + [given]).joined().flatMap { pinyin($0, folding) }
        return PersonName(script: .chinese, family: family, given: given, middle: middle,
                          initials: givenPinyin.compactMap { $0.first.map(String.init) },
                          familyPinyin: familyPinyin, givenPinyin: givenPinyin)
    }

    private static func pinyin(_ character: Character, _ folding: ChineseFolding) -> [String] {
        let syllables = folding.pinyinSyllables(String(character))
        return syllables.isEmpty ? [String(character)] : syllables
    }

    /// Separator dots used between the parts of transliterated names.
    private static let nameDots: Set<Character> = ["·", "•", "‧", "・", "∙", "."]

    /// Values that stand for "no name" in source systems.
    private static let placeholders: Set<String> = [
        "未知", "不详", "无", "无名", "无名氏", "测试", "客户", "unknown", "n/a", "na", "none", "null", "nil", "test",
        "-", "?", "x", "xx", "xxx",
    ]
}
