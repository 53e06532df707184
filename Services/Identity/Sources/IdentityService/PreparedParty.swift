import Foundation
import IdentityAPI
import IdentityMatching
import IdentityResolution
import Models

/// A party record made ready for storage outside any transaction: validated, normalised, sealed. A class: batches of
/// them are sorted and handed between threads, and a copy of the struct retained every string it holds.
final class PreparedParty: Sendable {
    let record: PartyRecord
    let normalized: NormalizedParty
    /// Guard-rail identifiers as stored: type → keyed hash.
    let identifiers: [String: String]
    let sealedRecord: [UInt8]
    let sealedNormalised: [UInt8]
    let sealedMatchFields: [UInt8]
    /// The source's time, or the time it was received.
    let updatedAt: Timestamp

    init(_ record: PartyRecord, context: IdentityContext, receivedAt: Timestamp) throws {
        self.record = record
        normalized = context.normalizer.normalize(record.details)
        identifiers = context.vault.identifiers(normalized.identifiers)
        let holder = owner(of: record.ref)
        sealedRecord = try context.vault.seal(message: record, .record, owner: holder)
        sealedNormalised = try context.vault.seal(
            message: GoldenRecord(details: normalized.details, checks: normalized.checks), .normalised, owner: holder)
        sealedMatchFields = try context.vault.seal(
            MatchFieldsCoding.encode(fields: normalized.matchFields, identifiers: identifiers), .matchFields,
            owner: holder)
        updatedAt = record.sourceUpdatedAt ?? receivedAt
    }

    /// The record as the matcher sees it under its stored id (identifiers hashed, as stored ones are).
    func matchRecord(id: Int64) -> MatchRecord {
        MatchRecord(id: Int(id), fields: normalized.matchFields, identifiers: identifiers)
    }

    /// Why a record cannot be stored at all, or nil. Invalid field values never reject a record; a missing
    /// reference or version does.
    static func rejection(_ record: PartyRecord) -> String? {
        if record.ref.sourceSystem.trimmingCharacters(in: .whitespaces).isEmpty {
            return "ref.source_system is empty: say which system the record comes from"
        }
        if record.ref.sourceKey.trimmingCharacters(in: .whitespaces).isEmpty {
            return "ref.source_key is empty: every record needs its key in its source system"
        }
        if record.ref.sourceSystem.count > 64 { return "ref.source_system is longer than 64 characters" }
        if record.ref.sourceKey.count > 256 { return "ref.source_key is longer than 256 characters" }
        if record.sourceVersion <= 0 { return "source_version is \(record.sourceVersion); it must be at least 1" }
        let details = record.details
        let named = !details.fullName.isEmpty || !details.givenName.isEmpty || !details.familyName.isEmpty
        if !named { return "no name: full_name, or given_name and family_name, is required" }
        return nil
    }
}
