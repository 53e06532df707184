import EventFeed
import Store

/// The `scoring` schema's migrations, in order. Applied at start under an advisory lock; never edited once
/// released (the migrator refuses a changed checksum), only appended to.
enum ScoringMigrations {
    static let all: [Migration] = [
        FeedSchema.migration(version: 1),
        ScoringSchema.migration,
        ScoringSchemaRuleSets.migration,
        ScoringSchemaExplanations.migration,
        ScoringSchemaPolicyParties.migration,
        ScoringSchemaFactOrder.migration,
    ]
}
