import EventFeed
import Store

/// The `identity` schema's migrations, in order. Applied at start under an advisory lock; never edited once
/// released (the migrator refuses a changed checksum), only appended to.
enum IdentityMigrations {
    static let all: [Migration] = [
        FeedSchema.migration(version: 1),
        IdentitySchema.migration,
        PartyLinkSchema.migration,
    ]
}
