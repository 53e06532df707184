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
///   it, only by full rescores. Default 5000.
/// - `CLM_SCORING_RESCORE_AT`: the time of day (`HH:MM`, in the book's time zone) of the scheduled full rescore,
///   which lets time pass on every card (tenure grows, policies expire) and measures the book again; default
///   02:00; `off` for none.
/// - `CLM_SCORING_RESCORE_WORKERS`: chunks a full rescore works on at once, each in a transaction on a connection
///   of its own; it must be below `CLM_DB_POOL_SIZE`, which the rescorer and the RPCs share. Default 2 (1 on a
///   pool of 2 or fewer), 1…16.
/// - `CLM_SCORING_INITIAL_RULE_SET`: the template (`life`, `health`, `auto`, `property`) activated when no rule set
///   was ever saved, so that a new installation tiers customers from the start; default none (cards carry no
///   value score, tier or layer until an operator activates a rule set).
/// - `CLM_SCORING_MORTALITY_TABLES`: extra mortality tables for CLV, as `name=path.csv` pairs separated by commas
///   (`MortalityTable(csv:name:)` gives the file format); rule sets name them in `clv.mortality_table`. The shipped
///   CL2013 table is always there.
struct ScoringSettings: Sendable {
    /// The fixed day to score as of; nil for today in the book's time zone.
    var fixedAsOf: CalendarDate?
    var utcOffsetSeconds: Int
    var currency: String
    var smallBook: Int
    /// The scheduled full rescore's time of day in the book's time zone, as minutes after midnight; nil for none.
    var rescoreAtMinute: Int?
    /// Customers the rescorer takes in one transaction.
    var batchSize = 500
    /// Chunks a full rescore has in flight at once (`inPool(of:)` fits it to the connection pool).
    var rescoreWorkers = 2
    /// Whether `CLM_SCORING_RESCORE_WORKERS` set `rescoreWorkers` (rather than the default).
    private var rescoreWorkersGiven = false
    /// The template to activate when no rule set exists; nil for none.
    var initialRuleSet: ProductLine?
    /// The mortality tables rule sets may name, by name.
    var mortalityTables: [String: MortalityTable] = [MortalityTable.cl2013NonAnnuityI.name: .cl2013NonAnnuityI]

    init(fixedAsOf: CalendarDate? = nil, utcOffsetSeconds: Int = 8 * 3600, currency: String = "CNY",
         smallBook: Int = 5_000, rescoreAtMinute: Int? = 2 * 60) {
        self.fixedAsOf = fixedAsOf
        self.utcOffsetSeconds = utcOffsetSeconds
        self.currency = currency
        self.smallBook = smallBook
        self.rescoreAtMinute = rescoreAtMinute
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
        if let text = value("CLM_SCORING_RESCORE_AT") {
            if text.lowercased() == "off" {
                rescoreAtMinute = nil
            } else {
                let parts = text.split(separator: ":")
                guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]),
                    let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
                else {
                    throw ConfigurationError(setting: "CLM_SCORING_RESCORE_AT",
                                             "'\(text)' is not a time of day as HH:MM (e.g. 02:00), or off")
                }
                rescoreAtMinute = hour * 60 + minute
            }
        }
        if let text = value("CLM_SCORING_RESCORE_WORKERS") {
            guard let count = Int(text), (1...16).contains(count) else {
                throw ConfigurationError(setting: "CLM_SCORING_RESCORE_WORKERS", "'\(text)' is not a count from 1 to 16")
            }
            rescoreWorkers = count
            rescoreWorkersGiven = true
        }
        if let text = value("CLM_SCORING_INITIAL_RULE_SET"), text.lowercased() != "none" {
            guard let line = RuleSetTemplates.productLines.first(where: {
                $0.rawValue == "PRODUCT_LINE_" + text.uppercased()
            }) else {
                throw ConfigurationError(setting: "CLM_SCORING_INITIAL_RULE_SET",
                                         "'\(text)' is not a template: life, health, auto, property, or none")
            }
            initialRuleSet = line
        }
        if let text = value("CLM_SCORING_MORTALITY_TABLES") {
            for pair in text.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ConfigurationError(setting: "CLM_SCORING_MORTALITY_TABLES",
                                             "'\(pair)' is not name=path.csv")
                }
                guard let csv = try? String(contentsOfFile: parts[1], encoding: .utf8) else {
                    throw ConfigurationError(setting: "CLM_SCORING_MORTALITY_TABLES", "cannot read \(parts[1])")
                }
                do {
                    mortalityTables[parts[0]] = try MortalityTable(csv: csv, name: parts[0])
                } catch {
                    throw ConfigurationError(setting: "CLM_SCORING_MORTALITY_TABLES", "\(parts[1]): \(error)")
                }
            }
        }
    }

    /// The day scored as of: the fixed one, else today in the book's time zone.
    var asOf: CalendarDate {
        if let fixedAsOf { return fixedAsOf }
        return CalendarDate(businessDayOf: .now, utcOffsetSeconds: utcOffsetSeconds)
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

extension ScoringSettings {
    /// These settings with the full rescore's workers fitted to a pool of `poolSize` connections. A full rescore
    /// reads the book on one connection and scores it on `rescoreWorkers` others; the rescorer and the calls share the
    /// rest. The default shrinks to leave them one (on a pool of 2 they wait while a full rescore runs); a number
    /// given that leaves them none is refused, and so is a pool of 1, on which a full rescore could not both read and
    /// write.
    /// - Throws: `ConfigurationError` for a pool of 1, or a `CLM_SCORING_RESCORE_WORKERS` above `poolSize - 2`.
    func inPool(of poolSize: Int) throws(ConfigurationError) -> ScoringSettings {
        guard poolSize >= 2 else {
            throw ConfigurationError(
                setting: "CLM_DB_POOL_SIZE",
                "scoring needs at least 2 connections: a full rescore reads the book on one and writes cards on "
                    + "another")
        }
        var fitted = self
        if rescoreWorkersGiven {
            guard rescoreWorkers + 2 <= poolSize else {
                throw ConfigurationError(
                    setting: "CLM_SCORING_RESCORE_WORKERS",
                    "\(rescoreWorkers) workers and the book's reader leave no connection of the \(poolSize) in the pool "
                        + "(CLM_DB_POOL_SIZE) for the rescorer and the calls; use fewer workers or a larger pool")
            }
        } else {
            fitted.rescoreWorkers = max(1, min(rescoreWorkers, poolSize - 2))
        }
        return fitted
    }
}
