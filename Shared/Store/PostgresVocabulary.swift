/// The names a text column holds, each with the value it stands for, as for an enumeration stored by name: a cell
/// is matched on its bytes (``PostgresRow/decode(_:_:)-(PostgresVocabulary<Value>,_)``), without making a String of
/// it. Whole-table scans read such columns by the million, and most names are longer than a String holds inline.
public struct PostgresVocabulary<Value: Sendable>: Sendable {
    private let names: [[UInt8]]
    private let values: [Value]
    /// The value of a name not listed.
    public let otherwise: Value

    /// - Parameters:
    ///   - names: each name with its value; the first wins when a name repeats.
    ///   - otherwise: the value of any other name.
    public init(_ names: [(name: String, value: Value)], otherwise: Value) {
        self.names = names.map { Array($0.name.utf8) }
        values = names.map(\.value)
        self.otherwise = otherwise
    }

    /// The value `name` stands for.
    public func value(of name: String) -> Value {
        var name = name
        return name.withUTF8 { value(of: UnsafeRawBufferPointer($0)) }
    }

    func value(of bytes: UnsafeRawBufferPointer) -> Value {
        for index in names.indices where names[index].count == bytes.count {
            let same = names[index].withUnsafeBytes { name in
                // Names of one enumeration share their prefix: compare from the end.
                var at = bytes.count
                while at > 0 {
                    at -= 1
                    if name[at] != bytes[at] { return false }
                }
                return true
            }
            if same { return values[index] }
        }
        return otherwise
    }
}

extension PostgresRow {
    /// The value the text in the column named `column` stands for in `vocabulary`.
    /// - Throws: ``StoreError/Code/decodingFailed`` naming the column when it does not exist, is NULL, or is not
    ///   text.
    public func decode<Value>(_ vocabulary: PostgresVocabulary<Value>, _ column: String) throws -> Value {
        let position = try self.position(of: column)
        let cell = PostgresCell(result: result, row: index, column: position)
        guard !cell.isNull else { throw cell.decodingError("is NULL; a vocabulary matches text only") }
        guard BinaryValueDecoder.isText(cell.typeOID) else {
            throw cell.decodingError("type OID \(cell.typeOID) is not text; a vocabulary matches text only")
        }
        return result.withCellBytes(row: index, column: position) { vocabulary.value(of: $0) }
    }
}
