/// How personal values are shown to a caller whose role may not see them: enough to recognise, not to use.
///
/// Document numbers and phones keep their length (stars replace the hidden characters); e-mail local parts
/// and given names are replaced by a fixed `***`, so their length is not disclosed either.
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
