internal import CWireProtos

/// Reads one Swift value from the C slot of field `index` of an unpacked message of `plan`. A nil slot is an
/// absent field and reads as proto3's zero value. A Swift type that does not fit the field (a Bool for a string,
/// say) is a `typeMismatch`; a number too large for the Swift type, `valueOutOfRange`.
enum SlotReader {
    static func bool(_ plan: PlanRef, _ index: Int, _ slot: UnsafeRawPointer?, inList: Bool)
        throws(WireError) -> Bool
    {
        let field = plan.fields[index]
        guard field.type == .bool, inList || !field.isRepeated else {
            throw plan.mismatch(index, inList: inList, swift: "Bool")
        }
        return (slot?.load(as: protobuf_c_boolean.self) ?? 0) != 0
    }

    static func string(_ plan: PlanRef, _ index: Int, _ slot: UnsafeRawPointer?, inList: Bool)
        throws(WireError) -> String
    {
        let field = plan.fields[index]
        guard inList || !field.isRepeated else { throw plan.mismatch(index, inList: inList, swift: "String") }
        switch field.type {
        case .string:
            guard let chars = slot?.load(as: UnsafePointer<CChar>?.self) else { return "" }
            return String(cString: chars)
        case .enumeration:
            let number = slot?.load(as: Int32.self) ?? 0
            guard let name = plan.enums[index]?.name(of: number) else {
                throw WireError(.unknownEnumValue, messageType: plan.schema.name, field: plan.names[index],
                                "\(plan.label(index)) has no value numbered \(number)")
            }
            return name
        default:
            throw plan.mismatch(index, inList: inList, swift: "String")
        }
    }

    static func double(_ plan: PlanRef, _ index: Int, _ slot: UnsafeRawPointer?, inList: Bool)
        throws(WireError) -> Double
    {
        let field = plan.fields[index]
        guard inList || !field.isRepeated else { throw plan.mismatch(index, inList: inList, swift: "Double") }
        switch field.type {
        case .double: return slot?.load(as: Double.self) ?? 0
        case .float: return Double(slot?.load(as: Float.self) ?? 0)
        default: throw plan.mismatch(index, inList: inList, swift: "Double")
        }
    }

    static func float(_ plan: PlanRef, _ index: Int, _ slot: UnsafeRawPointer?, inList: Bool)
        throws(WireError) -> Float
    {
        let field = plan.fields[index]
        guard inList || !field.isRepeated else { throw plan.mismatch(index, inList: inList, swift: "Float") }
        switch field.type {
        case .float: return slot?.load(as: Float.self) ?? 0
        case .double: return Float(slot?.load(as: Double.self) ?? 0)
        default: throw plan.mismatch(index, inList: inList, swift: "Float")
        }
    }

    // Inlined so that T is concrete where it is used: the containers are generic over their key type, and
    // an unspecialised call here costs a runtime metadata lookup per field.
    @inline(__always)
    static func integer<T: FixedWidthInteger>(_ plan: PlanRef, _ index: Int, _ slot: UnsafeRawPointer?,
                                              inList: Bool) throws(WireError) -> T {
        let field = plan.fields[index]
        guard inList || !field.isRepeated else { throw plan.mismatch(index, inList: inList, swift: "\(T.self)") }
        switch field.type {
        case .int32, .enumeration:
            let value = slot?.load(as: Int32.self) ?? 0
            guard let result = T(exactly: value) else { throw plan.outOfRange(index, value, fits: "\(T.self)") }
            return result
        case .int64:
            let value = slot?.load(as: Int64.self) ?? 0
            guard let result = T(exactly: value) else { throw plan.outOfRange(index, value, fits: "\(T.self)") }
            return result
        case .uint32:
            let value = slot?.load(as: UInt32.self) ?? 0
            guard let result = T(exactly: value) else { throw plan.outOfRange(index, value, fits: "\(T.self)") }
            return result
        case .uint64:
            let value = slot?.load(as: UInt64.self) ?? 0
            guard let result = T(exactly: value) else { throw plan.outOfRange(index, value, fits: "\(T.self)") }
            return result
        default:
            throw plan.mismatch(index, inList: inList, swift: "\(T.self)")
        }
    }

    /// A `bytes` field as `[UInt8]`.
    static func bytes(_ slot: UnsafeRawPointer?) -> [UInt8] {
        guard let data = slot?.load(as: ProtobufCBinaryData.self), data.len > 0, let base = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: data.len))
    }
}
