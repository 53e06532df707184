/// PostgreSQL's binary dates and timestamps count from 2000-01-01; Swift callers count from 1970-01-01.
enum PostgresEpoch {
    static let daysFrom1970: Int64 = 10_957
    static let microsFrom1970: Int64 = 946_684_800_000_000
}
