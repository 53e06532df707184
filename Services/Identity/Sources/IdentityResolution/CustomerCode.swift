import Models

/// Customer codes: stable, opaque and free of personal data (issue 3 item 5).
///
/// A code is the customer's database id run through a keyed permutation of 0..<2⁵⁰ (a four-round Feistel network),
/// written as ten Crockford base-32 characters with a check character, behind `C`: `C7K3M9QX2PAH`. Distinct ids give
/// distinct codes without a lookup, neighbouring ids give unrelated codes, and the check character catches one
/// mistyped or two swapped characters. The key is per installation (stored in the schema at its creation), so codes
/// reveal neither how many customers there are nor in what order they came.
///
/// How the digits are written (alphabet, look-alikes, check character) is `CustomerCodeText`, shared with the services
/// that only check codes.
public struct CustomerCodec: Sendable {
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
        return CustomerCodeText.code(digits: stride(from: 45, through: 0, by: -5).map { Int(value >> UInt64($0) & 31) })
    }

    /// The id a code stands for, or nil when it is not well formed (length, alphabet, check character).
    /// Lower case is accepted; Crockford's look-alikes `I`, `L` (→ 1) and `O` (→ 0) are read as digits.
    public func id(for code: String) -> Int64? {
        guard let digits = CustomerCodeText.digits(of: code) else { return nil }
        var value: UInt64 = 0
        for digit in digits { value = value << 5 | UInt64(digit) }
        var left = value >> Self.halfBits, right = value & Self.halfMask
        for key in roundKeys.reversed() {
            (left, right) = (right ^ (Self.mix(left ^ key) & Self.halfMask), left)
        }
        return Int64(left << Self.halfBits | right)
    }

    /// The code written canonically (upper case, look-alikes read), or nil when it is not well formed.
    public func canonical(_ code: String) -> String? { CustomerCodeText.canonical(code) }

    /// SplitMix64's finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
