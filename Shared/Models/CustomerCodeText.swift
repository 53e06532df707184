/// How a customer code is written: `C` and eleven characters of Crockford's base 32 (no I, L, O or U), the last a
/// check character. Identity makes the ten digits from a customer id (`CustomerCodec`); any service can tell a
/// well-formed code from a mistyped one with this alone.
public enum CustomerCodeText {
    /// Crockford's base 32.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The code of ten base-32 digits (each 0..<32): `C`, the digits, the check character.
    public static func code(digits: [Int]) -> String {
        precondition(digits.count == 10 && digits.allSatisfy { (0..<32).contains($0) }, "ten base-32 digits")
        return String(["C"] + digits.map { alphabet[$0] } + [alphabet[checkDigit(digits)]])
    }

    /// The ten digits of a well-formed code, or nil (length, alphabet, check character). Lower case is accepted, and
    /// Crockford's look-alikes `I`, `L` (→ 1) and `O` (→ 0) are read as digits.
    public static func digits(of code: String) -> [Int]? {
        var text = Array(code.uppercased())
        guard text.count == 12, text.removeFirst() == "C" else { return nil }
        var digits: [Int] = []
        for character in text {
            let read: Character = switch character { case "I", "L": "1"; case "O": "0"; default: character }
            guard let digit = alphabet.firstIndex(of: read) else { return nil }
            digits.append(digit)
        }
        let check = digits.removeLast()
        return checkDigit(digits) == check ? digits : nil
    }

    /// The code written canonically (upper case, look-alikes read), or nil when it is not well formed.
    public static func canonical(_ code: String) -> String? { digits(of: code).map(Self.code(digits:)) }

    /// Weighted sum modulo 31 with position weights 1, 2, 3…: changes on any single substitution and on a swap of
    /// two different neighbours.
    static func checkDigit(_ digits: [Int]) -> Int {
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += (index + 1) * (digit + 1) }
        return sum % 31
    }
}
