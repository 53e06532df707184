import Foundation
import IdentityAPI
import Models
import Store

/// The clerical review queue's state changes that other paths share: the resolver asks whether a pair was already
/// ruled out and supersedes the items of a record replaced by a newer version; merges supersede the items they
/// settled. Every `review_item` keeps its decision, so a pair decided NO_LINK stays remembered there.
enum ReviewQueue {
    static let pending = Int64(ReviewStatus.pending.protoNumber)
    static let decidedLink = Int64(ReviewStatus.decidedLink.protoNumber)
    static let decidedNoLink = Int64(ReviewStatus.decidedNoLink.protoNumber)
    static let superseded = Int64(ReviewStatus.superseded.protoNumber)

    /// Whether a person decided that these two records are different customers (either way round), or the pair is
    /// already waiting in the queue: the resolver queues the pair again in neither case.
    static func isDecidedOrQueued(record: Int64, candidate: Int64, on connection: PostgresConnection) throws -> Bool {
        try connection.query(
            """
            SELECT 1 FROM review_item
            WHERE status = ANY($3::smallint[])
              AND ((record_id = $1 AND candidate_record_id = $2) OR (record_id = $2 AND candidate_record_id = $1))
            LIMIT 1
            """, [.int(record), .int(candidate), SQLArray.integers([decidedNoLink, pending])]).first != nil
    }

    /// Marks SUPERSEDED the pending items that compare a record's previous version (as the record or the candidate):
    /// for a record just replaced by a newer version, before it is resolved again.
    static func supersede(record: Int64, on connection: PostgresConnection) throws {
        try connection.execute(
            "UPDATE review_item SET status = $2 WHERE status = $3 AND (record_id = $1 OR candidate_record_id = $1)",
            [.int(record), .int(superseded), .int(pending)])
    }

    /// Marks SUPERSEDED the pending items whose two records now belong to `customer` (a merge settled them).
    static func supersedeSettled(customer: Int64, on connection: PostgresConnection) throws {
        try connection.execute(
            """
            UPDATE review_item r SET status = $2
            FROM party_link a, party_link b
            WHERE r.status = $3 AND a.record_id = r.record_id AND b.record_id = r.candidate_record_id
              AND a.customer_id = $1 AND b.customer_id = $1
            """, [.int(customer), .int(superseded), .int(pending)])
    }
}
