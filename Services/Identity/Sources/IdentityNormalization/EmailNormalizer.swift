/// A syntactically valid e-mail address in lower case.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The whole address, lower case.
    public var address: String

    /// Creates the value; use `EmailNormalizer.normalize` to obtain a checked one.
    public init(address: String) { self.address = address }

    /// The part before `@`.
    public var localPart: String { String(address[..<address.lastIndex(of: "@")!]) }
    /// The part after `@`.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    /// The address.
    public var description: String { address }
}

/// Normalises e-mail addresses: width folded, trimmed, a `mailto:` prefix and surrounding `<>` removed, lower
/// case, then a syntax check.
///
/// Valid: exactly one `@`; a non-empty local part; a domain with at least one dot, no empty label, labels of
/// letters, digits and hyphens not starting or ending with a hyphen, and a last label of two or more letters; no
/// whitespace anywhere; no leading, trailing or doubled dot in the local part.
///
/// The whole address is lower-cased although RFC 5321 lets a server treat the local part as case-sensitive: no
/// common provider does, and a record typed `Zhang.San@QQ.com` means the same mailbox as `zhang.san@qq.com`.
/// Provider aliases are deliberately *not* rewritten (no removing of dots or `+tags` for Gmail, no `googlemail.com`
/// → `gmail.com`): the rules are provider-specific and change, rewriting would make distinct mailboxes equal and
/// guard-rail counts wrong, and the matcher can still compare addresses at a looser level if it wants to.
public enum EmailNormalizer {
    /// Normalises one address.
    /// - Parameter raw: the address as given.
    public static func normalize(_ raw: String) -> Normalized<EmailAddress> {
        var text = TextNormalizer.foldWidth(raw).trimmingCharacters(in: { $0.isWhitespace })
        if text.lowercased().hasPrefix("mailto:") { text.removeFirst(7) }
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 { text = String(text.dropFirst().dropLast()) }
        text = text.lowercased()
        if text.isEmpty { return .empty(raw) }
        if let problem = syntaxProblem(text) { return .invalid(raw, [NormalizationProblem(.invalidEmail, problem)]) }
        return Normalized(raw: raw, value: EmailAddress(address: text))
    }

    private static func syntaxProblem(_ text: String) -> String? {
        if text.contains(where: \.isWhitespace) { return "contains whitespace" }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count == 1 ? "no @" : "more than one @" }
        let local = parts[0]
        let domain = parts[1]
        if local.isEmpty { return "nothing before @" }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") { return "misplaced dot before @" }
        if local.contains(where: { "\"(),:;<>[]\\".contains($0) }) { return "a character not allowed before @" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "no dot in the domain" }
        for label in labels {
            if label.isEmpty { return "an empty label in the domain" }
            if label.hasPrefix("-") || label.hasSuffix("-") { return "a domain label starts or ends with -" }
            if !label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                return "a domain label has a character other than letters, digits and -"
            }
        }
        let top = labels.last!
        if top.count < 2 || !top.allSatisfy(\.isLetter) { return "the top-level domain is not 2+ letters" }
        return nil
    }
}

extension String {
    /// The string without leading and trailing characters matching `predicate`.
    func trimmingCharacters(in predicate: (Character) -> Bool) -> String {
        guard let start = firstIndex(where: { !predicate($0) }), let end = lastIndex(where: { !predicate($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
