import Synchronization

/// Trace ids for calls that arrive (or are made) without one: 16 lowercase hex digits, never all zeros.
///
/// Not `UInt64.random`: the system generator costs a `getrandom` system call per id, which a client pays on every
/// call it makes without a trace of its own. Ids need to be unique, not secret, so they are SplitMix64 of a
/// counter that starts at a random point once per process.
enum TraceID {
    private static let seed = UInt64.random(in: 0...UInt64.max)
    private static let counter = Atomic<UInt64>(0)

    static func make() -> String {
        var z = seed &+ counter.add(1, ordering: .relaxed).newValue &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        let value = max(z ^ (z >> 31), 1)
        let hex = String(value, radix: 16)
        // Padding is needed one time in sixteen: skip building the zeros otherwise.
        return hex.utf8.count == 16 ? hex : String(repeating: "0", count: 16 - hex.utf8.count) + hex
    }
}
