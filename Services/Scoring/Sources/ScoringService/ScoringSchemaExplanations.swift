import Store

/// Migration 4: a card's explanation in a column of its own, so that rescoring, listings and the dry run read and
/// decode the card without it (the explanation is most of a card's size); GetScoreCard reads it when asked.
enum ScoringSchemaExplanations {
    static let migration = Migration(version: 4, name: "scoring: explanations beside their cards", sql: sql)

    private static let sql = """
        -- The ScoreExplanation message of the card. NULL for a card stored before this column: its `card` holds
        -- the explanation, until the card is next written.
        ALTER TABLE score_card ADD COLUMN explanation bytea;
        """
}
