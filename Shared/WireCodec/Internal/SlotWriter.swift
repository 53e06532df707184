internal import CWireProtos

/// Writes one Swift value into the C slot of field `index` of a message of `plan`, checking it against the
/// field's type exactly as the record-based codec does. Presence (oneof case, `has_`) is the caller's to mark.
enum SlotWriter {
    static func bool(_ value: Bool, _ plan: PlanRef, _ index: Int, _ slot: UnsafeMutableRawPointer,
                     inList: Bool) throws(WireError) {
        let field = plan.fields[index]
        guard field.type == .bool, inList || !field.isRepeated else {
            throw plan.mismatch(index, inList: inList, swift: "Bool")
        }
        slot.storeBytes(of: value ? 1 : 0, as: protobuf_c_boolean.self)
    }

    static func string(_ value: String, _ plan: PlanRef, _ index: Int, _ slot: UnsafeMutableRawPointer,
                       inList: Bool, arena: UnsafeMutablePointer<BumpArena>) throws(WireError) {
        let field = plan.fields[index]
        guard inList || !field.isRepeated else { throw plan.mismatch(index, inList: inList, swift: "String") }
        switch field.type {
        case .string:
            // Native strings expose their UTF-8 in place; only a bridged one needs the copy.
            let copied = value.utf8.withContiguousStorageIfAvailable { arena.pointee.cString($0) }
                ?? { var value = value; return value.withUTF8 { arena.pointee.cString($0) } }()
            guard let chars = copied else {
                throw WireError(.valueOutOfRange, messageType: plan.schema.name, field: plan.names[index],
                                "a string field cannot hold a NUL character")
            }
            slot.storeBytes(of: chars, as: UnsafeMutablePointer<CChar>.self)
        case .enumeration:
            guard let number = plan.enums[index]?.number(named: value) else {
                throw WireError(.unknownEnumValue, messageType: plan.schema.name, field: plan.names[index],
                                "\(plan.label(index)) has no value named \(value)")
            }
            slot.storeBytes(of: number, as: Int32.self)
        default:
            throw plan.mismatch(index, inList: inList, swift: "String")
        }
    }

    static func double(_ value: Double, _ plan: PlanRef, _ index: Int, _ slot: UnsafeMutableRawPointer,
                       inList: Bool) throws(WireError) {
        let field = plan.fields[index]
        guard inList || !field.isRepeated else { throw plan.mismatch(index, inList: inList, swift: "Double") }
        switch field.type {
        case .double: slot.storeBytes(of: value, as: Double.self)
        case .float: slot.storeBytes(of: Float(value), as: Float.self)
        default: throw plan.mismatch(index, inList: inList, swift: "Double")
        }
    }

    // Inlined so that T is concrete where it is used (see SlotReader.integer).
    @inline(__always)
    static func integer<T: BinaryInteger>(_ value: T, _ plan: PlanRef, _ index: Int,
                                          _ slot: UnsafeMutableRawPointer, inList: Bool) throws(WireError) {
        let field = plan.fields[index]
        guard inList || !field.isRepeated else { throw plan.mismatch(index, inList: inList, swift: "an integer") }
        switch field.type {
        case .int32, .enumeration:
            guard let narrow = Int32(exactly: value) else {
                throw plan.outOfRange(index, value, fits: plan.label(index))
            }
            slot.storeBytes(of: narrow, as: Int32.self)
        case .int64:
            guard let narrow = Int64(exactly: value) else {
                throw plan.outOfRange(index, value, fits: plan.label(index))
            }
            slot.storeBytes(of: narrow, as: Int64.self)
        case .uint32:
            guard let narrow = UInt32(exactly: value) else {
                throw plan.outOfRange(index, value, fits: plan.label(index))
            }
            slot.storeBytes(of: narrow, as: UInt32.self)
        case .uint64:
            guard let narrow = UInt64(exactly: value) else {
                throw plan.outOfRange(index, value, fits: plan.label(index))
            }
            slot.storeBytes(of: narrow, as: UInt64.self)
        default:
            throw plan.mismatch(index, inList: inList, swift: "an integer")
        }
    }

    /// `bytes` fields: a copy of `value` in the arena.
    static func bytes(_ value: [UInt8], _ slot: UnsafeMutableRawPointer, arena: UnsafeMutablePointer<BumpArena>) {
        let data = arena.pointee.allocate(value.count)
        value.withUnsafeBytes { raw in
            if let base = raw.baseAddress { data.copyMemory(from: base, byteCount: raw.count) }
        }
        slot.storeBytes(of: ProtobufCBinaryData(len: value.count, data: data.assumingMemoryBound(to: UInt8.self)),
                        as: ProtobufCBinaryData.self)
    }

    /// The proto3 zero value of one element of a repeated field, for an element that encoded as nothing.
    static func zero(_ field: FieldPlan, _ slot: UnsafeMutableRawPointer, arena: UnsafeMutablePointer<BumpArena>) {
        slot.initializeMemory(as: UInt8.self, repeating: 0, count: field.type.size)
        switch field.type {
        case .string:
            // protobuf-c calls strlen on every element: NULL is not an empty string to it.
            let empty = arena.pointee.allocateZeroed(1)
            slot.storeBytes(of: empty, as: UnsafeMutableRawPointer.self)
        case .message where field.child != nil:
            let child = field.childPlan.makeMessage(in: arena)
            slot.storeBytes(of: child, as: UnsafeMutableRawPointer.self)
        default:
            break
        }
    }
}
