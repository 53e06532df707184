/// The names a text column holds, each with the value it stands for, as for an enumeration stored by name: a cell
/// is matched on its bytes (``PostgresRow/decode(_:_:)-(PostgresVocabulary<Value>,_)``), without making a String of
/// it. Whole-table scans read such columns by the million, and most names are longer than a String holds inline.
public struct PostgresVocabulary<Value: Sendable>: Sendable {
    /// The names as UTF-8, and their values, in the order given.
    @usableFromInline let names: [[UInt8]]
    @usableFromInline let values: [Value]
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
        let index = names.firstIndex { $0.count == name.utf8.count && $0.elementsEqual(name.utf8) }
        return index.map { values[$0] } ?? otherwise
    }

    /// The value of the name at `index` in `names`, or `otherwise` for nil: for the matching on bytes, which
    /// lives with the pointers in `Internal`.
    @inlinable
    func value(at index: Int?) -> Value { index.map { values[$0] } ?? otherwise }
}

extension PostgresRow {
    /// The value the text in the column named `column` stands for in `vocabulary`.
    /// - Throws: ``StoreError/Code/decodingFailed`` naming the column when it does not exist, is NULL, or is not
    ///   text.
    ///
    /// Inlinable, so that it is specialised for `Value` where it is called: unspecialised, every call instantiated
    /// the vocabulary's metadata at run time, which cost more than the Strings it spares.
    @inlinable
    public func decode<Value>(_ vocabulary: PostgresVocabulary<Value>, _ column: String) throws -> Value {
        vocabulary.value(at: try textMatch(column, among: vocabulary.names))
    }

    /// The index in `names` of the text in the column named `column`, nil when it is none of them.
    @usableFromInline
    func textMatch(_ column: String, among names: [[UInt8]]) throws -> Int? {
        let position = try self.position(of: column)
        let cell = PostgresCell(cells: result.cells, row: index, column: position)
        guard !cell.isNull else { throw cell.decodingError("is NULL; a vocabulary matches text only") }
        guard BinaryValueDecoder.isText(cell.typeOID) else {
            throw cell.decodingError("type OID \(cell.typeOID) is not text; a vocabulary matches text only")
        }
        return result.cells.cellMatch(row: index, column: position, among: names)
    }
}
