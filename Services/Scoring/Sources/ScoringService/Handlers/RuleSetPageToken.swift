import Foundation
import Models
import RPC
import ScoringAPI

/// ListRuleSets' page tokens: the filters they were made for, and where the page ended (the last version's save
/// time, id and version). Opaque to callers (base64).
enum RuleSetPageToken {
    /// The token for the page after `last`, under the filters `ruleSetID` and `status`.
    static func encode(ruleSetID: String, status: RuleSetStatus, after last: RuleSetPagePosition) -> String {
        let fields = ["r1", ruleSetID, status.rawValue, String(last.createdAt.unixMicros), last.ruleSetId,
                      String(last.version)]
        return Data(fields.joined(separator: "\n").utf8).base64EncodedString()
    }

    /// Where the page `token` asks for starts; nil for the first page.
    /// - Throws: INVALID_ARGUMENT naming `page.page_token` when the token is not one ListRuleSets gave, or was given
    ///   for other filters.
    static func decode(_ token: String, ruleSetID: String, status: RuleSetStatus) throws(RPCError)
        -> RuleSetPagePosition? {
        guard !token.isEmpty else { return nil }
        let foreign = RPCError.invalidArgument(field: "page.page_token",
                                               "not a token ListRuleSets gave; start from the first page")
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else {
            throw foreign
        }
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6, fields[0] == "r1", let micros = Int64(fields[3]), RuleSetRefs.isID(fields[4]),
            let version = Int32(fields[5]), version > 0
        else { throw foreign }
        guard fields[1] == ruleSetID, fields[2] == status.rawValue else {
            throw .invalidArgument(
                field: "page.page_token",
                "the token continues a listing with other filters (rule_set_id '\(fields[1])', status \(fields[2])); "
                    + "ask with the same filters, or again from the first page")
        }
        return RuleSetPagePosition(createdAt: Timestamp(unixMicros: micros), ruleSetId: fields[4], version: version)
    }
}
