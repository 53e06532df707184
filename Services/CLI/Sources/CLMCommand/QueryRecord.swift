import Foundation
import IdentityAPI
import Models
import RecordImport

/// The query record of `clm resolve`: field values by the names `clm import parties` maps columns to (`full_name`,
/// `document_number`, `birth_date`, `phones`… or their aliases `name`, `id_number`, `dob`, `phone`), read into a
/// `PartyRecord` by the importer's own converter, so a value means the same here as in an imported file.
struct QueryRecord {
    /// Catalogue field name → values.
    private(set) var fields: [String: [String]] = [:]
    var sourceSystem = ""
    var sourceKey = ""

    /// Sets a field by its name or alias; a value replaces what a JSON record gave for it. Blank values are dropped.
    /// - Throws: ``CommandFailure`` for a name that is no party field (with the closest one).
    mutating func set(_ name: String, _ values: [String]) throws {
        let values = values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        switch name.lowercased().replacingOccurrences(of: "-", with: "_") {
        case "source_system", "source": sourceSystem = values.first ?? ""
        case "source_key", "key": sourceKey = values.first ?? ""
        default:
            guard let field = ImportKind.parties.field(named: name) else {
                let hint = ImportKind.parties.closestField(to: name).map { " (did you mean \($0.spelledAs)?)" } ?? ""
                throw CommandFailure("\(name) is not a party field\(hint); clm import parties --help lists them")
            }
            guard field.isMultiValued || values.count <= 1 else {
                throw CommandFailure("\(field.name) takes one value, got \(values.count)")
            }
            fields[field.name] = values.isEmpty ? nil : values
        }
    }

    /// Reads a JSON object of field names to values (a string, a number, or an array of them), e.g.
    /// `{"name": "王芳", "id_number": "110105197506150024", "phones": ["13800138001"], "source_system": "UW"}`.
    static func read(json path: String) throws -> QueryRecord {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CommandFailure("\(path): cannot be read (\(error.localizedDescription))")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CommandFailure("\(path): not a JSON object of party fields")
        }
        var record = QueryRecord()
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            let items = (value as? [Any]) ?? [value]
            var values: [String] = []
            for item in items {
                switch item {
                case let text as String: values.append(text)
                case let number as NSNumber: values.append(number.stringValue)
                case is NSNull: continue
                default: throw CommandFailure("\(path): \(name) must be text, a number, or an array of them")
                }
            }
            try record.set(name, values)
        }
        return record
    }

    var isEmpty: Bool { fields.isEmpty }

    /// The `PartyRecord` the fields make.
    /// - Throws: ``CommandFailure`` for a value the importer would reject (a kind, sex or document type that is
    ///   none of the choices, an occupation class outside 1–6).
    func partyRecord() throws -> PartyRecord {
        let row = ImportRecord(kind: .parties, sourceSystem: sourceSystem, sourceKey: sourceKey, line: 0,
                               fields: fields)
        switch WireRecordConverter().party(row) {
        case .success(let record): return record
        case .failure(let rejection): throw CommandFailure("the query record: \(rejection.reason)")
        }
    }
}
