import ArgumentParser
import IdentityAPI

/// `clm erase CODE --request REF --reason WHY --yes`: a data subject's personal data removed on their request.
struct EraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a customer's personal data on the data subject's request. Cannot be undone.",
        discussion: """
            Every party record of the customer keeps its source reference and version but loses its content; the \
            customer keeps its code with status ERASED; policies, claims and other business records stay. The \
            erasure is audited with the request it fulfils. Give --yes to confirm: the erased data cannot be \
            recovered. Erase the surviving customer, not an alias.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The customer to erase.")
    var code: String

    @Option(name: .customLong("request"), help: "The data subject's request this fulfils, e.g. a ticket number.")
    var requestReference: String

    @Flag(help: "Confirm the erasure, which cannot be undone.")
    var yes = false

    @OptionGroup var change: ChangeOptions

    func validate() throws {
        guard yes else {
            throw ValidationError("erasing \(code) cannot be undone; run again with --yes to confirm")
        }
    }

    func run() async throws {
        let request = EraseCustomerRequest(customerCode: code, operatorId: change.recordedOperator(command: "erase"),
                                           reason: change.reason, requestReference: requestReference)
        let answer = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.eraseCustomer, request)
        }
        if global.json {
            try printJSON(answer)
        } else {
            print("erased \(code) (operation \(answer.operationId)): personal data removed; the code, the source "
                + "references and the business records stay")
        }
    }
}
