import Foundation

/// How personal values are shown to a caller whose role may not see them: enough to recognise, not to use.
///
/// Document numbers and phones keep their length (stars replace the hidden characters); e-mail local parts
/// and Latin-script given names are cut to their first character and a fixed `***`, so their length is not
/// disclosed either.
///
/// Names are masked part by part, and a part looks the same whichever field it is in, so that no answer shows
/// a whole given name:
/// - a family name is shown: it is what a masked name is recognised by, and many people share it;
/// - a given name is never shown whole (`givenName(_:)`): Chinese given names are starred one star per
///   character (`三丰` → `**`), Latin-script ones keep each name's initial (`Michaela` → `M***`);
/// - a full name keeps its family name and masks the rest as given names (`张三丰` → `张**`,
///   `John Smith` → `Smith, J***`); `name(_:family:)` uses the family name when the record has one, so that
///   `ZHANG San` is not read the wrong way round.
///
/// An organisation's registered name is not a person's data: callers show it unmasked and do not come here.
public enum Masking {
    /// Keeps the first `head` and last `tail` characters and stars the rest: `11010519491231002X` becomes
    /// `1101**********002X`. A value too short to keep both ends is starred whole.
    public static func mask(_ value: String, head: Int, tail: Int) -> String {
        let characters = Array(value)
        guard characters.count > head + tail else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(head)) + String(repeating: "*", count: characters.count - head - tail)
            + String(characters.suffix(tail))
    }

    /// An identity document number: first four and last four kept.
    public static func documentNumber(_ value: String) -> String { mask(value, head: 4, tail: 4) }

    /// A phone number: first three and last four kept (`138****8000`).
    public static func phone(_ value: String) -> String { mask(value, head: 3, tail: 4) }

    /// An e-mail address: the first character of the local part and the whole domain
    /// (`zhang.san@example.com` → `z***@example.com`). Without an `@`, only the first character is kept.
    public static func email(_ value: String) -> String {
        guard let first = value.first else { return "" }
        guard let at = value.lastIndex(of: "@") else { return "\(first)***" }
        let local = value[..<at]
        return "\(local.first.map(String.init) ?? "")***" + value[at...]
    }

    /// A personal name, Chinese or Latin-script: Chinese names keep the family name
    /// (`张三丰` → `张**`, `欧阳娜娜` → `欧阳**`), Latin names keep the family name and given initials
    /// (`John Smith` or `Smith, John` → `Smith, J***`).
    public static func name(_ value: String) -> String {
        let trimmed = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let first = trimmed.unicodeScalars.first else { return "" }
        if isHan(first) { return chineseName(trimmed) }
        if let comma = trimmed.firstIndex(of: ",") {
            return name(family: String(trimmed[..<comma]), given: String(trimmed[trimmed.index(after: comma)...]))
        }
        var words = trimmed.split(separator: " ").map(String.init)
        let family = words.removeLast()
        return name(family: family, given: words.joined(separator: " "))
    }

    /// A Latin-script name given in parts: the family name kept, each given name cut to its initial and
    /// `***` (`Smith`, `John Paul` → `Smith, J*** P***`).
    public static func name(family: String, given: String) -> String {
        let family = family.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let initials = given.split(whereSeparator: \.isWhitespace).compactMap { $0.first.map { "\($0)***" } }
        if initials.isEmpty { return family }
        if family.isEmpty { return initials.joined(separator: " ") }
        return "\(family), \(initials.joined(separator: " "))"
    }

    /// A full name whose family name is known (from the record's family-name field): the family name is kept where
    /// it stands and every other part is masked as a given name, so a name written family first is not read the
    /// wrong way round (`ZHANG San` with family `zhang` → `ZHANG, S***`, where `name(_:)` would show `San, Z***`;
    /// `迈克尔·乔丹` with family `乔丹` → `****乔丹`). Latin-script parts are compared without case, accents and
    /// apostrophes (`O'Brien` is family `obrien`). Without a family name, or when the full name does not contain
    /// it, `name(_:)` decides.
    public static func name(_ value: String, family: String) -> String {
        let words = value.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard let first = words.first?.unicodeScalars.first else { return "" }
        if isHan(first) {
            let compact = words.joined(), familyText = family.filter { !$0.isWhitespace }
            guard !familyText.isEmpty, compact.count > familyText.count else { return name(value) }
            let stars = String(repeating: "*", count: compact.count - familyText.count)
            if compact.hasPrefix(familyText) { return familyText + stars }
            if compact.hasSuffix(familyText) { return stars + familyText }
            return name(value)
        }
        let familyKeys = family.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { latinKey(String($0)) }
            .filter { !$0.isEmpty }
        let keys = words.map(latinKey)
        guard !familyKeys.isEmpty, keys.count >= familyKeys.count,
            let start = (0...(keys.count - familyKeys.count)).first(where: {
                Array(keys[$0..<($0 + familyKeys.count)]) == familyKeys
            })
        else { return name(value) }
        let range = start..<(start + familyKeys.count)
        let given = words.indices.filter { !range.contains($0) }.map { words[$0] }
        return name(family: words[range].joined(separator: " "), given: given.joined(separator: " "))
    }

    /// A given name, or several: never shown whole. Chinese given names are starred one star per character, as the
    /// masked full name shows them (`三丰` → `**`); Latin-script given names keep each name's initial and a fixed
    /// `***`, as `name(family:given:)` shows them (`Michaela` → `M***`, `John Paul` → `J*** P***`).
    public static func givenName(_ value: String) -> String {
        let words = value.split(whereSeparator: \.isWhitespace)
        guard let first = words.first?.unicodeScalars.first else { return "" }
        if isHan(first) { return String(repeating: "*", count: words.reduce(0) { $0 + $1.count }) }
        return name(family: "", given: value)
    }

    /// A Chinese name: the family name (one character, or a common two-character one) kept, the rest starred
    /// one star per character. A name no longer than its family name is starred whole.
    public static func chineseName(_ value: String) -> String {
        let characters = Array(value)
        let familyLength = characters.count > 2 && compoundSurnames.contains(String(characters.prefix(2))) ? 2 : 1
        return mask(value, head: familyLength, tail: 0)
    }

    /// A value of a given kind, masked by that kind's rule.
    public static func mask(_ value: String, as kind: PersonalValueKind) -> String {
        switch kind {
        case .documentNumber: documentNumber(value)
        case .phone: phone(value)
        case .email: email(value)
        case .name: name(value)
        }
    }

    /// A Latin-script name part as compared with a known family name: lower case, without accents, letters only.
    private static func latinKey(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter(\.isLetter)
    }

    /// Two-character Chinese family names common enough to be recognised.
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
        "令狐", "独孤", "端木", "西门", "南宫", "轩辕", "钟离", "申屠", "澹台", "公羊", "太史", "呼延", "濮阳",
    ]

    /// Whether a scalar is a CJK unified ideograph (basic, extension A, extensions B onwards, compatibility).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3134F, 0xF900...0xFAFF: true
        default: false
        }
    }
}

/// The kinds of personal value that have a masking rule.
public enum PersonalValueKind: String, Sendable, Hashable, CaseIterable {
    case documentNumber = "document_number"
    case phone
    case email
    case name
}
