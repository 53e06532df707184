/// The per-value state both direct coders keep in their arena: enough to say where a value sits, for error paths.
protocol CodecSlot {
    var plan: PlanRef { get }
    /// The field's index in `plan`, or -1 for the root message.
    var field: Int { get }
    /// The element's index for one element of a list, else -1.
    var position: Int { get }
    /// The value this one is part of.
    var parent: UnsafeMutablePointer<Self>? { get }
}

extension CodecSlot {
    /// `value`, placed in `arena`, which outlives every coder that points at it.
    static func place(_ value: Self, in arena: UnsafeMutablePointer<BumpArena>) -> UnsafeMutablePointer<Self> {
        let state = arena.pointee.allocate(MemoryLayout<Self>.stride).bindMemory(to: Self.self, capacity: 1)
        state.initialize(to: value)
        return state
    }

    /// The path from the root message to the value at `state`, built only when asked for (errors).
    static func codingPath(_ state: UnsafeMutablePointer<Self>) -> [any CodingKey] {
        var path: [any CodingKey] = []
        var node: UnsafeMutablePointer<Self>? = state
        while let current = node?.pointee, current.field >= 0 {
            path.append(current.position >= 0
                ? PathKey(intValue: current.position)
                : PathKey(stringValue: current.plan.schema.fields[current.field].swiftName))
            node = current.parent
        }
        return path.reversed()
    }
}
