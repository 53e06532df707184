internal import CWireProtos
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// How a field's value is stored in protobuf-c's C struct: the codec's hot path switches on this rather than on
/// `ProtobufCType` and `FieldKind`, which carry more than it needs.
enum SlotType: UInt8, Sendable {
    /// int32, sint32, sfixed32: an `int32_t`.
    case int32
    /// int64, sint64, sfixed64: an `int64_t`.
    case int64
    /// uint32, fixed32: a `uint32_t`.
    case uint32
    /// uint64, fixed64: a `uint64_t`.
    case uint64
    case float, double
    /// A `protobuf_c_boolean` (an `int`).
    case bool
    /// A `char *`, never NULL once initialised.
    case string
    /// A `ProtobufCBinaryData`.
    case bytes
    /// An enum's number, an `int`.
    case enumeration
    /// A pointer to the nested message, NULL when absent.
    case message

    init(_ type: ProtobufCType) {
        switch type {
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32: self = .int32
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64: self = .int64
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32: self = .uint32
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64: self = .uint64
        case PROTOBUF_C_TYPE_FLOAT: self = .float
        case PROTOBUF_C_TYPE_DOUBLE: self = .double
        case PROTOBUF_C_TYPE_BOOL: self = .bool
        case PROTOBUF_C_TYPE_STRING: self = .string
        case PROTOBUF_C_TYPE_BYTES: self = .bytes
        case PROTOBUF_C_TYPE_ENUM: self = .enumeration
        case PROTOBUF_C_TYPE_MESSAGE: self = .message
        default: preconditionFailure("protoc-c field type \(type.rawValue) is not one protobuf-c 1.4 defines")
        }
    }

    /// Bytes one value takes in the C struct, and so one element in a repeated field's array.
    var size: Int {
        switch self {
        case .int64, .uint64, .double: 8
        case .string, .message: MemoryLayout<UnsafeRawPointer>.size
        case .bytes: MemoryLayout<ProtobufCBinaryData>.size
        case .int32, .uint32, .float, .bool, .enumeration: 4
        }
    }
}

/// Everything the direct codec needs about one field, read once from protoc-c's descriptor.
///
/// Plain data only (pointers to immortal copies of the names, an unmanaged child plan), so that reading one costs
/// no reference counting: the hot path reads these for every field.
struct FieldPlan: @unchecked Sendable {  // @unchecked: the pointers reach immutable data that is never freed.
    /// UTF-8 of the proto (snake_case) and Swift (lowerCamelCase) names.
    let name: UnsafeBufferPointer<UInt8>
    let swiftName: UnsafeBufferPointer<UInt8>
    let type: SlotType
    let offset: Int
    /// Where the `n_` count (repeated), the `has_` flag (optional scalar) or the oneof case lives.
    let quantifierOffset: Int
    let isRepeated: Bool
    let isOneof: Bool
    /// proto2-style optional scalar with a `has_` flag.
    let hasFlag: Bool
    let number: UInt32
    /// For message fields: the nested message's plan (set once all plans exist; plans are never freed).
    fileprivate(set) var child: PlanRef?
    let childDescriptor: UnsafePointer<ProtobufCMessageDescriptor>?

    /// The nested message's plan; only for message fields.
    var childPlan: PlanRef { child! }

    /// True when the field holds something on the wire, by the same proto3 rules as `MessageUnpacker`.
    func isPresent(in memory: UnsafeRawPointer?) -> Bool {
        guard let memory else { return false }
        if isRepeated { return memory.load(fromByteOffset: quantifierOffset, as: Int.self) > 0 }
        if isOneof { return memory.load(fromByteOffset: quantifierOffset, as: UInt32.self) == number }
        if hasFlag { return memory.load(fromByteOffset: quantifierOffset, as: protobuf_c_boolean.self) != 0 }
        let slot = memory + offset
        switch type {
        case .int32, .uint32, .bool, .enumeration: return slot.load(as: UInt32.self) != 0
        case .int64, .uint64: return slot.load(as: UInt64.self) != 0
        case .float: return slot.load(as: Float.self) != 0
        case .double: return slot.load(as: Double.self) != 0
        case .string:
            guard let chars = slot.load(as: UnsafePointer<UInt8>?.self) else { return false }
            return chars.pointee != 0
        case .bytes: return slot.load(as: ProtobufCBinaryData.self).len > 0
        case .message: return slot.load(as: UnsafeRawPointer?.self) != nil
        }
    }

    /// Marks a non-repeated field as set after its value was written (oneof case, `has_` flag).
    func markPresent(in memory: UnsafeMutableRawPointer) {
        if isOneof {
            memory.storeBytes(of: number, toByteOffset: quantifierOffset, as: UInt32.self)
        } else if hasFlag {
            memory.storeBytes(of: 1, toByteOffset: quantifierOffset, as: protobuf_c_boolean.self)
        }
    }
}

/// One message's schema, descriptor and field plans, shared by every encode and decode of it.
final class MessagePlan: @unchecked Sendable {  // @unchecked: immutable; `descriptor` is static C data.
    let schema: MessageSchema
    let descriptor: UnsafePointer<ProtobufCMessageDescriptor>
    /// The fields, in declaration order. Raw memory rather than an array, so that reading a field through a
    /// `PlanRef` costs no retain of the array; never freed, as plans live as long as the registry (for ever).
    let fields: UnsafeBufferPointer<FieldPlan>
    /// Proto (snake_case) names, by field index, for errors.
    var names: [String] { schema.fields.map(\.name) }
    /// The enum of each enum field, by field index.
    let enums: [EnumSchema?]

    init(schema: MessageSchema, descriptor: UnsafePointer<ProtobufCMessageDescriptor>, fields: [FieldPlan]) {
        self.schema = schema
        self.descriptor = descriptor
        let table = UnsafeMutableBufferPointer<FieldPlan>.allocate(capacity: fields.count)
        _ = table.initialize(from: fields)
        self.fields = UnsafeBufferPointer(table)
        self.enums = schema.fields.map { field in
            if case .enumeration(let values) = field.kind { values } else { nil }
        }
    }

    /// An immortal NUL-free UTF-8 copy of `name`, for `FieldPlan`.
    fileprivate static func bytes(_ name: String) -> UnsafeBufferPointer<UInt8> {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, name.utf8.count))
        _ = copy.initialize(from: name.utf8)
        return UnsafeBufferPointer(rebasing: copy[0..<name.utf8.count])
    }

    /// The error for a Swift property that names no field of the proto.
    func unknownField(_ key: String) -> WireError {
        WireError(.unknownField, messageType: schema.name, field: key,
                  "the Swift property has no field of that name in the proto")
    }
}

extension MessagePlan {
    /// Plans for every descriptor, indexed alike; nested message fields refer to their child by index, since
    /// schemas may be recursive.
    static func plans(for descriptors: [UnsafePointer<ProtobufCMessageDescriptor>], schemas: [MessageSchema])
        -> [MessagePlan]
    {
        var indexByDescriptor: [UnsafeRawPointer: Int] = [:]
        for (index, descriptor) in descriptors.enumerated() { indexByDescriptor[UnsafeRawPointer(descriptor)] = index }
        let plans = zip(descriptors, schemas).map { descriptor, schema in
            let fields = (0..<Int(descriptor.pointee.n_fields)).map { index -> FieldPlan in
                let field = descriptor.pointee.fields[index]
                let type = SlotType(field.type)
                let childDescriptor = type == .message
                    ? field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self) : nil
                let isRepeated = field.label == PROTOBUF_C_LABEL_REPEATED
                let isOneof = field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0
                return FieldPlan(
                    name: bytes(schema.fields[index].name), swiftName: bytes(schema.fields[index].swiftName),
                    type: type,
                    offset: Int(field.offset), quantifierOffset: Int(field.quantifier_offset),
                    isRepeated: isRepeated, isOneof: isOneof,
                    hasFlag: !isRepeated && !isOneof && field.label == PROTOBUF_C_LABEL_OPTIONAL
                        && FieldLayout.hasPresenceFlag(field.type),
                    number: field.id, child: nil, childDescriptor: childDescriptor)
            }
            return MessagePlan(schema: schema, descriptor: descriptor, fields: fields)
        }
        // Second pass, now that every plan exists: link message fields to their child's plan.
        for plan in plans {
            let table = UnsafeMutableBufferPointer(mutating: plan.fields)
            for index in table.indices {
                guard let child = table[index].childDescriptor,
                      let childIndex = indexByDescriptor[UnsafeRawPointer(child)] else { continue }
                table[index].child = PlanRef(plans[childIndex])
            }
        }
        return plans
    }
}

/// A `MessagePlan` as the hot path holds it: plain pointers and an unmanaged reference, so that copying one, or
/// reading a field through it, costs no reference counting (plans are never freed: the registry is static).
struct PlanRef: @unchecked Sendable {  // @unchecked: everything it reaches is immutable.
    let fields: UnsafeBufferPointer<FieldPlan>
    let descriptor: UnsafePointer<ProtobufCMessageDescriptor>
    private let unmanaged: Unmanaged<MessagePlan>

    init(_ plan: MessagePlan) {
        fields = plan.fields
        descriptor = plan.descriptor
        unmanaged = Unmanaged.passUnretained(plan)
    }

    /// The plan itself, for the cold paths: errors, enum names, the name dictionary.
    var plan: MessagePlan { unmanaged.takeUnretainedValue() }
    var schema: MessageSchema { plan.schema }
    var enums: [EnumSchema?] { plan.enums }
    var names: [String] { plan.names }

    /// The index of the field a Swift coding key names.
    ///
    /// Synthesized `Codable` code visits properties in declaration order, which is nearly always the proto's
    /// field order, so the field after the previous one (`hint`) is tried first: comparing two short names
    /// byte by byte is far cheaper than hashing one. Only a miss reaches the plan's dictionary.
    @inline(__always)
    func fieldIndex(_ key: String, hint: Int) -> Int? {
        if hint < fields.count {
            var key = key
            let matches = key.withUTF8 { utf8 in
                Self.same(utf8, fields[hint].swiftName) || Self.same(utf8, fields[hint].name)
            }
            if matches { return hint }
        }
        return plan.schema.fieldIndex(named: key)
    }

    /// Byte equality for short names, inline: a call to `memcmp` costs more than comparing a dozen bytes.
    @inline(__always)
    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == 0 }
        var offset = 0
        while a.count - offset >= 8 {
            let left = UnsafeRawPointer(x + offset).loadUnaligned(as: UInt64.self)
            let right = UnsafeRawPointer(y + offset).loadUnaligned(as: UInt64.self)
            if left != right { return false }
            offset += 8
        }
        while offset < a.count {
            if x[offset] != y[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A new, initialised C message of this type in `arena`.
    func makeMessage(in arena: UnsafeMutablePointer<BumpArena>) -> UnsafeMutableRawPointer {
        let memory = arena.pointee.allocate(descriptor.pointee.sizeof_message)
        descriptor.pointee.message_init?(memory.assumingMemoryBound(to: ProtobufCMessage.self))
        return memory
    }

    func unknownField(_ key: String) -> WireError { plan.unknownField(key) }
    func mismatch(_ index: Int, inList: Bool, swift: String) -> WireError {
        plan.mismatch(index, inList: inList, swift: swift)
    }
    func outOfRange(_ index: Int, _ value: some BinaryInteger, fits target: String) -> WireError {
        plan.outOfRange(index, value, fits: target)
    }
    func misuse(_ text: String, field index: Int? = nil) -> WireError { plan.misuse(text, field: index) }
    func label(_ index: Int) -> String { plan.label(index) }
}
