/// Customer codes: stable, opaque and free of personal data (issue 3 item 5).
///
/// A code is the customer's database id run through a keyed permutation of 0..<2⁵⁰ (a four-round Feistel network),
/// written as ten Crockford base-32 characters with a check character, behind `C`: `C7K3M9QX2PAH`. Distinct ids give
/// distinct codes without a lookup, neighbouring ids give unrelated codes, and the check character catches one
/// mistyped or two swapped characters. The key is per installation (stored in the schema at its creation), so codes
/// reveal neither how many customers there are nor in what order they came.
public struct CustomerCodec: Sendable {
    /// Crockford's base 32: no I, L, O or U.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let halfBits: UInt64 = 25
    static let halfMask: UInt64 = (1 << 25) - 1
    private let roundKeys: [UInt64]

    /// A codec keyed with `key` (any bytes; the installation's key).
    public init(key: [UInt8]) {
        // Four round keys from the key bytes by a 64-bit mix; the permutation needs no cryptographic strength, only
        // that codes look unrelated to ids.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for byte in key { state = Self.mix(state ^ UInt64(byte)) }
        roundKeys = (0..<4).map { round in Self.mix(state &+ UInt64(round) &* 0xD1B5_4A32_D192_ED03) }
    }

    /// The code of a customer id (0 ≤ id < 2⁵⁰).
    public func code(for id: Int64) -> String {
        precondition(id >= 0 && id < 1 << 50, "customer id out of range")
        var left = UInt64(id) >> Self.halfBits, right = UInt64(id) & Self.halfMask
        for key in roundKeys {
            (left, right) = (right, left ^ (Self.mix(right ^ key) & Self.halfMask))
        }
        let value = left << Self.halfBits | right
        var characters: [Character] = ["C"]
        var digits: [Int] = []
        for shift in stride(from: 45, through: 0, by: -5) { digits.append(Int(value >> UInt64(shift) & 31)) }
        characters += digits.map { Self.alphabet[$0] }
        characters.append(Self.alphabet[Self.checkDigit(digits)])
        return String(characters)
    }

    /// The id a code stands for, or nil when it is not well formed (length, alphabet, check character).
    /// Lower case is accepted; Crockford's look-alikes `I`, `L` (→ 1) and `O` (→ 0) are read as digits.
    public func id(for code: String) -> Int64? {
        var text = Array(code.uppercased())
        guard text.count == 12, text.removeFirst() == "C" else { return nil }
        var digits: [Int] = []
        for character in text {
            let read: Character = switch character { case "I", "L": "1"; case "O": "0"; default: character }
            guard let digit = Self.alphabet.firstIndex(of: read) else { return nil }
            digits.append(digit)
        }
        let check = digits.removeLast()
        guard Self.checkDigit(digits) == check else { return nil }
        var value: UInt64 = 0
        for digit in digits { value = value << 5 | UInt64(digit) }
        var left = value >> Self.halfBits, right = value & Self.halfMask
        for key in roundKeys.reversed() {
            (left, right) = (right ^ (Self.mix(left ^ key) & Self.halfMask), left)
        }
        return Int64(left << Self.halfBits | right)
    }

    /// The code written canonically (upper case, look-alikes read), or nil when it is not well formed.
    public func canonical(_ code: String) -> String? { id(for: code).map { self.code(for: $0) } }

    /// Weighted sum modulo 31 with position weights 1, 2, 3…: changes on any single substitution and on a swap of
    /// two different neighbours.
    static func checkDigit(_ digits: [Int]) -> Int {
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += (index + 1) * (digit + 1) }
        return sum % 31
    }

    /// SplitMix64's finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
