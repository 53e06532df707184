import WireCodec

/// Records with every field set to a non-zero value of its kind, built from the schema alone, for round trips of
/// every message in the protos.
enum SampleRecords {
    /// Nested messages are filled down to this depth; at it they are present but empty.
    static let maxDepth = 3

    /// Text with CJK, Latin-1, a combining sequence and a character outside the BMP (four UTF-8 bytes).
    static let text = "张三 Zoë Ame\u{301}lie 🙂"

    /// `schema` fully populated. Each oneof gets exactly one member: the one at `oneofChoice` (modulo its size) in
    /// declaration order, so that choices 0..<`widestOneof(schema)` between them set every member.
    static func populated(_ schema: MessageSchema, oneofChoice: Int = 0, depth: Int = 1) -> WireRecord {
        var record = WireRecord(schema: schema)
        let chosen = chosenOneofMembers(schema, choice: oneofChoice)
        for (index, field) in schema.fields.enumerated() {
            if field.oneof != nil, !chosen.contains(index) { continue }
            // An enum with no value but zero cannot be told from absent unless it is in a list or a oneof.
            if case .enumeration(let values) = field.kind, !values.values.contains(where: { $0.number != 0 }),
                !field.isRepeated, field.oneof == nil
            {
                continue
            }
            if field.isRepeated {
                let count = field.kind.isMessage ? 2 : 3
                record.values[index] = .list((0..<count).map { element in
                    value(field, element: element, oneofChoice: oneofChoice, depth: depth)
                })
            } else {
                record.values[index] = value(field, element: 0, oneofChoice: oneofChoice, depth: depth)
            }
        }
        return record
    }

    /// Every enum some message field has, by full name: the descriptors list enums only through their fields.
    static func enumSchemas() -> [String: EnumSchema] {
        var found: [String: EnumSchema] = [:]
        for schema in WireSchema.messages {
            for field in schema.fields {
                if case .enumeration(let values) = field.kind { found[values.name] = values }
            }
        }
        return found
    }

    /// Members of the largest oneof of `schema` (1 when it has none).
    static func widestOneof(_ schema: MessageSchema) -> Int {
        let sizes = Dictionary(grouping: schema.fields.compactMap(\.oneof), by: { $0 }).values.map(\.count)
        return max(1, sizes.max() ?? 1)
    }

    /// Indexes of the fields set for each oneof under `choice`.
    private static func chosenOneofMembers(_ schema: MessageSchema, choice: Int) -> Set<Int> {
        var members: [String: [Int]] = [:]
        var order: [String] = []
        for (index, field) in schema.fields.enumerated() {
            guard let oneof = field.oneof else { continue }
            if members[oneof] == nil { order.append(oneof) }
            members[oneof, default: []].append(index)
        }
        return Set(order.compactMap { name in members[name].map { $0[choice % $0.count] } })
    }

    /// A non-zero value for `field`, varied by field number and list position so that no two fields look alike.
    private static func value(_ field: FieldSchema, element: Int, oneofChoice: Int, depth: Int) -> WireValue {
        let n = Int64(field.number) * 10 + Int64(element) + 1
        switch field.kind {
        case .int32, .sint32, .sfixed32:
            // Negative on odd numbers: int32 negatives take ten bytes on the wire, sint32 zigzags them.
            return .int(n.isMultiple(of: 2) ? n * 1_000_003 : -n * 1_000_003)
        case .int64, .sint64, .sfixed64:
            return .int(n.isMultiple(of: 2) ? n * 4_000_000_007 : -n * 4_000_000_007)
        case .uint32, .fixed32:
            return .uint(UInt64(UInt32.max) - UInt64(n))
        case .uint64, .fixed64:
            return .uint(UInt64.max - UInt64(n))
        case .float:
            return .float(Float(n) + 0.375)
        case .double:
            return .double(-Double(n) * 1_234.5678)
        case .bool:
            return .bool(true)
        case .string:
            return .string("\(text) \(field.name)#\(element)")
        case .bytes:
            // A NUL inside: bytes are counted, not terminated.
            return .bytes([0x00, 0xFF, 0x80, 0x7F, 0x00, UInt8(truncatingIfNeeded: n)])
        case .enumeration(let schema):
            let nonZero = schema.values.filter { $0.number != 0 }
            guard !nonZero.isEmpty else { return .int(0) }
            return .int(Int64(nonZero[(Int(field.number) + element) % nonZero.count].number))
        case .message(let name):
            // A string where a message belongs makes packing fail naming the field, rather than crash the run.
            guard let child = WireSchema.message(named: name) else { return .string("no schema for \(name)") }
            guard depth < maxDepth else { return .message(WireRecord(schema: child)) }
            return .message(populated(child, oneofChoice: oneofChoice + element, depth: depth + 1))
        }
    }

    /// The value a field holds when set to its kind's zero: present only where presence is explicit (oneofs, messages).
    static func zero(of kind: FieldKind) -> WireValue {
        switch kind {
        case .int32, .sint32, .sfixed32, .int64, .sint64, .sfixed64, .enumeration: .int(0)
        case .uint32, .fixed32, .uint64, .fixed64: .uint(0)
        case .float: .float(0)
        case .double: .double(0)
        case .bool: .bool(false)
        case .string: .string("")
        case .bytes: .bytes([])
        case .message(let name): WireSchema.message(named: name).map { .message(WireRecord(schema: $0)) }
            ?? .string("no schema for \(name)")
        }
    }

    /// Where `a` and `b` differ, as dotted field paths with both values, for failure messages.
    static func differingFields(_ a: WireRecord, _ b: WireRecord, path: String = "") -> [String] {
        a.schema.fields.indices.flatMap { index -> [String] in
            let place = path + a.schema.fields[index].name
            return differences(a.values[index], b.values[index], path: place)
        }
    }

    private static func differences(_ a: WireValue?, _ b: WireValue?, path: String) -> [String] {
        switch (a, b) {
        case (.message(let x), .message(let y)) where x.schema === y.schema:
            return differingFields(x, y, path: path + ".")
        case (.list(let x), .list(let y)) where x.count == y.count:
            return zip(x, y).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]") }
        default:
            return a == b ? [] : ["\(path): \(a.map { "\($0)" } ?? "absent") vs \(b.map { "\($0)" } ?? "absent")"]
        }
    }
}

extension FieldKind {
    var isMessage: Bool {
        if case .message = self { return true }
        return false
    }
}
