import Foundation

/// Proto enums as the CLI prints them.
extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// The value's proto name without its type's prefix, in lower case: `POLICY_STATUS_IN_FORCE` → `in_force`;
    /// empty for the UNSPECIFIED value. The prefix is read off the enum's UNSPECIFIED case, which every proto enum
    /// has.
    var label: String {
        let unspecified = Self.allCases.first { $0.rawValue.hasSuffix("_UNSPECIFIED") }?.rawValue ?? "_UNSPECIFIED"
        guard rawValue != unspecified else { return "" }
        let prefix = unspecified.dropLast("UNSPECIFIED".count)
        return (rawValue.hasPrefix(prefix) ? String(rawValue.dropFirst(prefix.count)) : rawValue).lowercased()
    }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// The value whose ``label`` is `text` (case ignored, `-` read as `_`); nil for none, and for the empty label.
    init?(label text: String) {
        let folded = text.lowercased().replacingOccurrences(of: "-", with: "_")
        guard !folded.isEmpty, let value = Self.allCases.first(where: { $0.label == folded }) else { return nil }
        self = value
    }

    /// Every label but UNSPECIFIED's, for help texts: `pending, decided_link, …`.
    static var labels: String { allCases.map(\.label).filter { !$0.isEmpty }.joined(separator: ", ") }
}
