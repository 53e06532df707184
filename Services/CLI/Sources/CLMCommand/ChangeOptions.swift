import ArgumentParser
import Foundation

/// What every audited change (merge, split, undo, erase, review decision) records: who made it and why.
///
/// The CLI insists on `--reason`; a blank one still reaches the service, which refuses it with INVALID_ARGUMENT.
struct ChangeOptions: ParsableArguments {
    @Option(help: "Why the change is made; it goes to the audit trail.")
    var reason: String

    @Option(name: .customLong("operator"), help: "The person making the change (default: your login name, $USER).")
    var operatorID: String?

    /// `--operator`, else the login name; `clm <command>` when neither is known.
    func recordedOperator(command: String) -> String { operatorID ?? loginOperator(fallback: "clm \(command)") }
}

/// The operator a change made from this shell is recorded under: the login name ($USER), else `fallback`.
func loginOperator(fallback: String) -> String {
    ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
}
