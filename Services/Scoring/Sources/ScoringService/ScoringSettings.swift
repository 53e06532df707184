import Foundation
import Models
import ScoringModel
import ServiceRuntime

/// Scoring's own settings, from the environment (the shared ones come from `ServiceSettings`).
///
/// - `CLM_SCORING_AS_OF`: score as of this day (`YYYY-MM-DD`) instead of today; for reproducible runs and tests.
/// - `CLM_SCORING_UTC_OFFSET_HOURS`: the book's time zone, which decides what "today" is and on which day an
///   interaction happened; default 8 (China Standard Time), −12…14.
/// - `CLM_SCORING_CURRENCY`: the currency money metrics add up; default CNY.
/// - `CLM_SCORING_SMALL_BOOK`: up to this many customers, the book's statistics are measured again whenever the
///   facts moved (measuring reads every customer's facts, so this keeps a rescore batch well under a second); above
///   it, at most every `CLM_SCORING_BOOK_REFRESH_SECONDS` (default 3600). Default 5000.
struct ScoringSettings: Sendable {
    /// The fixed day to score as of; nil for today in the book's time zone.
    var fixedAsOf: CalendarDate?
    var utcOffsetSeconds: Int
    var currency: String
    var smallBook: Int
    var bookRefresh: Duration
    /// Customers the rescorer takes in one transaction.
    var batchSize = 500

    init(fixedAsOf: CalendarDate? = nil, utcOffsetSeconds: Int = 8 * 3600, currency: String = "CNY",
         smallBook: Int = 5_000, bookRefresh: Duration = .seconds(3600)) {
        self.fixedAsOf = fixedAsOf
        self.utcOffsetSeconds = utcOffsetSeconds
        self.currency = currency
        self.smallBook = smallBook
        self.bookRefresh = bookRefresh
    }

    /// Reads the variables above; unset or empty ones take their defaults.
    /// - Throws: `ConfigurationError` naming the variable that does not parse.
    init(environment: [String: String]) throws(ConfigurationError) {
        self.init()
        func value(_ key: String) -> String? {
            environment[key].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let text = value("CLM_SCORING_AS_OF") {
            guard let day = Self.parseDay(text) else {
                throw ConfigurationError(setting: "CLM_SCORING_AS_OF", "'\(text)' is not a day as YYYY-MM-DD")
            }
            fixedAsOf = day
        }
        if let text = value("CLM_SCORING_UTC_OFFSET_HOURS") {
            guard let hours = Int(text), (-12...14).contains(hours) else {
                throw ConfigurationError(setting: "CLM_SCORING_UTC_OFFSET_HOURS",
                                         "'\(text)' is not a whole number of hours from -12 to 14")
            }
            utcOffsetSeconds = hours * 3600
        }
        if let text = value("CLM_SCORING_CURRENCY") {
            guard text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw ConfigurationError(setting: "CLM_SCORING_CURRENCY", "'\(text)' is not an ISO 4217 code like CNY")
            }
            currency = text
        }
        if let text = value("CLM_SCORING_SMALL_BOOK") {
            guard let count = Int(text), count >= 0 else {
                throw ConfigurationError(setting: "CLM_SCORING_SMALL_BOOK", "'\(text)' is not a count of customers")
            }
            smallBook = count
        }
        if let text = value("CLM_SCORING_BOOK_REFRESH_SECONDS") {
            guard let seconds = Int(text), seconds >= 1 else {
                throw ConfigurationError(setting: "CLM_SCORING_BOOK_REFRESH_SECONDS", "'\(text)' is not a number of seconds ≥ 1")
            }
            bookRefresh = .seconds(seconds)
        }
    }

    /// The day scored as of: the fixed one, else today in the book's time zone.
    var asOf: CalendarDate {
        if let fixedAsOf { return fixedAsOf }
        let micros = Int64(Date().timeIntervalSince1970 * 1_000_000)
        return CalendarDate(businessDayOf: Timestamp(unixMicros: micros), utcOffsetSeconds: utcOffsetSeconds)
    }

    /// How metrics are measured today. Look-back and cover-gap allowance are the model's defaults until rule sets
    /// set them.
    var metricSettings: MetricSettings { MetricSettings(asOf: asOf, currency: currency) }

    /// `YYYY-MM-DD` as a valid calendar day.
    static func parseDay(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int32(parts[0]), let month = Int32(parts[1]), let day = Int32(parts[2]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let date = CalendarDate(year: year, month: month, day: day)
        // A day past the month's end comes back as another date.
        return CalendarDate(daysSince1970: date.daysSince1970) == date ? date : nil
    }
}
