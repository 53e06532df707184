import ArgumentParser
import Foundation
import IdentityAPI
import Models

/// `clm merge SURVIVOR OTHER…`: other customers become aliases of the survivor, one audited merge each.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge customers: the survivor keeps its code, each other code becomes its alias and still resolves.",
        discussion: """
            One MergeCustomers call (one audited operation) per OTHER, in order; a refused merge stops there, and the \
            merges before it stand (each can be undone with clm undo OPERATION). Customers holding different valid \
            ID numbers of one type are refused: split the wrong record out first. --json prints the service's \
            answers, one per merge, as an array.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The customer that keeps its code.")
    var survivor: String

    @Argument(help: "The customers that become its aliases.")
    var others: [String]

    @OptionGroup var change: ChangeOptions

    func validate() throws {
        guard !others.isEmpty else { throw ValidationError("name at least one customer to merge into \(survivor)") }
    }

    func run() async throws {
        let operatorID = change.recordedOperator(command: "merge")
        var done: [(other: String, answer: MergeCustomersResponse)] = []
        do {
            try await global.withIdentity { identity in
                for other in others {
                    let answer = try await identity.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
                        survivorCode: survivor, mergedCode: other, operatorId: operatorID, reason: change.reason))
                    done.append((other, answer))
                }
            }
        } catch let failure as CommandFailure where !done.isEmpty {
            let merged = done.map { "\($0.other) (operation \($0.answer.operationId))" }.joined(separator: ", ")
            throw CommandFailure("\(failure); merged before it: \(merged)")
        }
        if global.json {
            try printJSON(done.map(\.answer))
            return
        }
        for (other, answer) in done {
            print("merged \(other) into \(answer.survivor.customerCode) (operation \(answer.operationId))")
        }
        if let survivor = done.last?.answer.survivor {
            print("\(survivor.customerCode): \(survivor.sourceRecordCount) source records; aliases: "
                + survivor.aliases.joined(separator: ", "))
        }
    }
}

/// `clm split CODE --records SYSTEM:KEY,…`: some of a customer's records move to a new customer code, audited.
struct SplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split a customer: the named party records move to a new customer code.",
        discussion: "At least one record must stay. clm customer 360 CODE lists a customer's records; clm undo "
            + "OPERATION folds the new code back in as an alias.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The customer to split.")
    var code: String

    @Option(help: "The records that move, as SYSTEM:KEY, comma-separated; repeatable.")
    var records: [String]

    @OptionGroup var change: ChangeOptions

    /// `--records` as references: the system is everything before the first colon.
    func refs() throws -> [SourceRef] {
        let named = records.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !named.isEmpty else { throw ValidationError("name the records that move: --records SYSTEM:KEY,…") }
        return try named.map { text in
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                colon != text.index(before: text.endIndex)
            else { throw ValidationError("--records \(text): write SYSTEM:KEY, e.g. UW:UW0011527586") }
            return SourceRef(sourceSystem: String(text[..<colon]), sourceKey: String(text[text.index(after: colon)...]))
        }
    }

    func validate() throws { _ = try refs() }

    func run() async throws {
        let request = SplitCustomerRequest(customerCode: code, records: try refs(),
                                           operatorId: change.recordedOperator(command: "split"), reason: change.reason)
        let answer = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.splitCustomer, request)
        }
        if global.json {
            try printJSON(answer)
        } else {
            print("split \(code): \(request.records.map(\.text).joined(separator: ", ")) moved to new customer "
                + "\(answer.newCustomerCode) (operation \(answer.operationId))")
        }
    }
}

/// `clm undo OPERATION`: reverses a merge, split or review link, audited.
struct UndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo a merge, split or review link by its operation id (clm audit CODE lists them).",
        discussion: "Only the latest change to its customers can be undone; the undo is itself audited.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The operation to undo.")
    var operation: String

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        let request = UndoOperationRequest(operationId: operation, operatorId: change.recordedOperator(command: "undo"),
                                           reason: change.reason)
        let answer = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.undoOperation, request)
        }
        if global.json {
            try printJSON(answer)
        } else {
            print("undid \(operation) (operation \(answer.operationId)); customers now: "
                + answer.customerCodes.joined(separator: ", "))
        }
    }
}
