import Foundation

/// What reverses an operation, stored with it in the audit trail (`operation.undo`, JSON).
enum UndoPlan: Codable, Sendable, Hashable {
    /// A merge: move `records` back from `survivor` to `absorbed` and make `absorbed` active again.
    case merge(survivor: Int64, absorbed: Int64, records: [Int64])
    /// A split: move `records` back from `created` into `from` and make `created` an alias of `from`.
    case split(from: Int64, created: Int64, records: [Int64])

    var encoded: [UInt8] { Array((try? JSONEncoder().encode(self)) ?? Data()) }

    static func decode(_ bytes: [UInt8]) -> UndoPlan? { try? JSONDecoder().decode(UndoPlan.self, from: Data(bytes)) }
}
