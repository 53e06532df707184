/// How personal values are shown to a caller whose role may not see them: enough to recognise, not to use.
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
}
