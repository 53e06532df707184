// ImportRecord → the wire records of identity.proto. One converter per kind, in WireRecords+Parties.swift and
// WireRecords+Business.swift; this file holds what they share: reading one field of a record as its catalogue type.

import IdentityAPI
import Models

/// Turns ``ImportRecord``s into the ingest messages of `identity.proto`, or into a ``RowRejection`` whose reason a
/// person can act on: `line 17: occupation_class "x" is not an integer`.
///
/// Party records are lenient where the service checks: a birth date that cannot be read is passed on as the
/// `other_attributes` entry `birth_date` (the service flags it), and ID numbers, phones and e-mail go as given.
public struct WireRecordConverter: Sendable {
    public var options: ValueReadingOptions

    public init(options: ValueReadingOptions = .init()) {
        self.options = options
    }

    /// Runs `body` with a reader of `record`, turning its throw into a rejection of the record's line.
    func convert<Wire>(_ record: ImportRecord, _ body: (FieldReader) throws(RowRejection) -> Wire)
        -> Result<Wire, RowRejection>
    {
        if let field = Self.fieldWithNUL(record) {
            return .failure(RowRejection(line: record.line, reason: .invalidRecord(
                "\(field) holds a NUL character (U+0000), which no field may hold"), sourceKey: record.sourceKey))
        }
        do {
            let fields = FieldReader(record: record, options: options)
            // A currency is checked even on a record that names no amount.
            if record.value("currency") != nil { _ = try fields.currency() }
            return .success(try body(fields))
        } catch {
            return .failure(error)
        }
    }
}

extension WireRecordConverter {
    /// The first field (or unmapped column, or the key) holding U+0000: the wire refuses such strings, and one would
    /// fail the whole batch.
    static func fieldWithNUL(_ record: ImportRecord) -> String? {
        func hasNUL(_ text: String) -> Bool { text.utf8.contains(0) }
        if hasNUL(record.sourceKey) { return "the source key" }
        if hasNUL(record.sourceSystem) { return "the source system" }
        for (field, values) in record.fields.sorted(by: { $0.key < $1.key }) where values.contains(where: hasNUL) {
            return field
        }
        return record.otherAttributes.first { hasNUL($0.value) || hasNUL($0.key) }.map { "column \($0.key)" }
    }
}

/// Reads the fields of one record as their catalogue types; each failure is a rejection naming field and value.
struct FieldReader {
    let record: ImportRecord
    let options: ValueReadingOptions

    var line: Int { record.line }

    func reject(_ reason: RejectionReason) -> RowRejection {
        RowRejection(line: record.line, reason: reason, sourceKey: record.sourceKey)
    }

    func invalid(_ field: String, _ value: String, _ problem: ValueProblem) -> RowRejection {
        reject(.invalidValue(field: field, value: value, problem: problem.description))
    }

    func read<Value>(_ field: String, _ reader: (String) -> Result<Value, ValueProblem>) throws(RowRejection) -> Value? {
        guard let text = record.value(field) else { return nil }
        switch reader(text) {
        case .success(let value): return value
        case .failure(let problem): throw invalid(field, text, problem)
        }
    }

    /// The value as given; empty when absent.
    func text(_ field: String) -> String { record.value(field) ?? "" }

    /// Every value of a multi-valued field, as given.
    func texts(_ field: String) -> [String] { record.values(field) }

    func int32(_ field: String, in range: ClosedRange<Int64>) throws(RowRejection) -> Int32 {
        try read(field) { ValueReading.integer($0, in: range) }.map { Int32($0) } ?? 0
    }

    func decimal(_ text: String, field: String, in range: ClosedRange<Double>) throws(RowRejection) -> Double {
        switch ValueReading.decimal(text) {
        case .success(let value) where range.contains(value):
            return value
        case .success:
            throw invalid(field, text, ValueProblem("is not between \(range.lowerBound.formatted) and "
                + "\(range.upperBound.formatted)"))
        case .failure(let problem):
            throw invalid(field, text, problem)
        }
    }

    func boolean(_ field: String) throws(RowRejection) -> Bool {
        try read(field, ValueReading.boolean) ?? false
    }

    func date(_ field: String) throws(RowRejection) -> CalendarDate? {
        try read(field) { ValueReading.date($0, order: options.dayMonthOrder) }
    }

    func timestamp(_ field: String) throws(RowRejection) -> Timestamp? {
        try read(field) {
            ValueReading.timestamp($0, order: options.dayMonthOrder, utcOffsetSeconds: options.utcOffsetSeconds)
        }
    }

    /// The record's currency: its `currency` field, else the default.
    func currency() throws(RowRejection) -> String {
        try read("currency", ValueReading.currency) ?? options.defaultCurrency
    }

    /// An amount, nil when absent.
    func money(_ field: String) throws(RowRejection) -> Money? {
        guard record.value(field) != nil else { return nil }
        let currency = try currency()
        let minor = options.minorUnitFields.contains(field)
        return try read(field) { ValueReading.money($0, currency: currency, minorUnits: minor) }
            .map { Money(minorUnits: $0, currency: currency) }
    }

    /// The source version: 1 when not given, and more than 0.
    func sourceVersion() throws(RowRejection) -> Int64 {
        try read("source_version") { ValueReading.integer($0, in: 1...Int64.max) } ?? 1
    }

    /// A choice field's proto enum case; nil when absent.
    ///
    /// The text may be the catalogue value or one of its labels (case ignored), or the enum's number in the proto.
    func choice<Enum>(_ field: String, _: Enum.Type = Enum.self) throws(RowRejection) -> Enum?
    where Enum: RawRepresentable & CaseIterable, Enum.RawValue == String {
        guard let text = record.value(field) else { return nil }
        return try choice(text, field: field)
    }

    /// Every value of a multi-valued choice field, as proto enum cases.
    func choices<Enum>(_ field: String, _: Enum.Type = Enum.self) throws(RowRejection) -> [Enum]
    where Enum: RawRepresentable & CaseIterable, Enum.RawValue == String {
        var result: [Enum] = []
        for text in record.values(field) { result.append(try choice(text, field: field)) }
        return result
    }

    func choice<Enum>(_ text: String, field: String) throws(RowRejection) -> Enum
    where Enum: RawRepresentable & CaseIterable, Enum.RawValue == String {
        guard let catalogueField = record.kind.field(named: field) else {
            preconditionFailure("\(field) is not a field of \(record.kind)")
        }
        switch ChoiceMapping.enumCase(Enum.self, for: text, of: catalogueField) {
        case .success(let value): return value
        case .failure(let problem): throw invalid(field, text, problem)
        }
    }

    /// A reference to a party record: `<role>_key`, and `<role>_system` or else the record's own source system.
    /// Nil when the key is absent.
    func partyRef(_ role: String) -> SourceRef? {
        guard let key = record.value("\(role)_key") else { return nil }
        return SourceRef(sourceSystem: system(of: role), sourceKey: key)
    }

    /// The references of a multi-valued `<role>_key`, all in `<role>_system` (or the record's own system).
    func partyRefs(_ role: String) -> [SourceRef] {
        let system = system(of: role)
        return record.values("\(role)_key").map { SourceRef(sourceSystem: system, sourceKey: $0) }
    }

    private func system(of role: String) -> String {
        record.value("\(role)_system") ?? record.sourceSystem
    }

    /// The record's own reference: its source system and key.
    var ref: SourceRef { SourceRef(sourceSystem: record.sourceSystem, sourceKey: record.sourceKey) }
}

/// How the catalogue's choices map onto the proto's enums: the catalogue value `semi_annual` of a field whose enum
/// has the prefix `PAYMENT_MODE_` is `PAYMENT_MODE_SEMI_ANNUAL`.
public enum ChoiceMapping {
    /// The enum case a source's text stands for in `field`: by catalogue value or label, or by proto number.
    public static func enumCase<Enum>(_: Enum.Type, for text: String, of field: ImportField) -> Result<Enum, ValueProblem>
    where Enum: RawRepresentable & CaseIterable, Enum.RawValue == String {
        guard case .choice(let choices) = field.valueType else {
            return .failure(ValueProblem("is not a choice field"))
        }
        let listed = choices.map(\.value).joined(separator: ", ")
        if let value = field.choice(matching: text) {
            guard let found = enumCase(Enum.self, value: value) else {
                return .failure(ValueProblem("(\(value)) has no counterpart in identity.proto"))
            }
            return .success(found)
        }
        // The proto's number: the enums list their cases in number order from 0 (UNSPECIFIED).
        let trimmed = text.trimmed
        if let number = Int(trimmed), number > 0, number < Enum.allCases.count {
            let all = Array(Enum.allCases)
            return .success(all[number])
        }
        return .failure(ValueProblem("is not one of \(listed)"))
    }

    /// The case whose raw value is the enum's prefix (that of its `…_UNSPECIFIED` case) followed by `value` in upper
    /// case; nil when there is none.
    public static func enumCase<Enum>(_: Enum.Type, value: String) -> Enum?
    where Enum: RawRepresentable & CaseIterable, Enum.RawValue == String {
        guard let unspecified = Enum.allCases.first?.rawValue, unspecified.hasSuffix("_UNSPECIFIED") else { return nil }
        return Enum(rawValue: unspecified.dropLast("UNSPECIFIED".count) + value.uppercased())
    }
}

extension Double {
    /// `1` rather than `1.0`, for messages.
    var formatted: String {
        let value = (self * 1e6).rounded() / 1e6
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
