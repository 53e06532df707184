import ArgumentParser
import Foundation
import Models
import RecordImport

/// How the scoring commands write scores, shares and proto enums, and read enum options.
enum ScoringText {
    /// A 0–100 score to one decimal: `72.5`.
    static func score(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A 0–1 share as a percentage to one decimal: `37.5%`.
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// A ratio or rate to two decimals: `1.52`.
    static func ratio(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A raw metric value: whole numbers as such (`2`), others to two decimals (`0.55`).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : ratio(value)
    }

    /// `GOLD`, `TOP`, `B`: an enum value's label in capitals; `none` for UNSPECIFIED.
    static func name<Value: CaseIterable & RawRepresentable>(_ value: Value) -> String where Value.RawValue == String {
        value.label.isEmpty ? "none" : value.label.uppercased()
    }

    /// `1,234`.
    static func count(_ value: Int64) -> String { ProgressText.grouped(Int(value)) }

    /// `1 claim`, `2 claims`, `1,234 customers`.
    static func counted(_ value: some BinaryInteger, _ noun: String) -> String {
        "\(count(Int64(value))) \(noun)\(value == 1 ? "" : "s")"
    }

    /// The value of an enum option, e.g. `--tier gold`.
    /// - Throws: `ValidationError` naming the option and the labels it takes.
    static func option<Value: CaseIterable & RawRepresentable>(_ text: String, _ option: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(label: text) else {
            throw ValidationError("--\(option) \(text): one of \(Value.labels)")
        }
        return value
    }

    /// A day option such as `--since 2025-01-01` (the import's date formats).
    /// - Throws: `ValidationError` naming the option.
    static func day(_ text: String, _ option: String) throws -> CalendarDate {
        switch ValueReading.date(text, order: nil) {
        case .success(let day): return day
        case .failure(let problem): throw ValidationError("--\(option) \(text) \(problem)")
        }
    }
}
