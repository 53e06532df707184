public import ScoringAPI

/// A rule set checked before it may go live: every problem found, each with the rules involved and a message a
/// person can act on. Any ERROR blocks activation; WARNINGs are reported only.
///
/// What is checked, by `RuleProblemKind`:
/// - OVERLAP: two tier rules of different tiers both hold somewhere (likewise two layer rules of different
///   layers), with an example point.
/// - CONTRADICTION: a tier, layer or potential rule that can never hold — its conditions exclude each other,
///   or one lies outside its metric's range (`value_score < 0`).
/// - GAP: customers no tier rule holds for (likewise no layer rule), with an example point and the nearest
///   rules; absent values (no renewal due...) count, since no condition holds for them. Risk grade bands that
///   leave low scores ungraded (no band from 0).
/// - UNREACHABLE_TIER: a tier (basic, standard, gold, diamond) whose rules can never hold — an ERROR; a tier
///   without any rule — a WARNING, since a rule set may use fewer tiers.
/// - WEIGHTS_NOT_ONE: a scorecard (value, risk, loyalty) whose weights do not add up to 1 (within 1e-9), or a
///   weight outside 0–1.
/// - INVALID_THRESHOLD: a condition's or normalisation's threshold unset, of the wrong kind (an amount for a
///   ratio, a number for money), outside the metric's range; floor not below cap; band edges not ascending;
///   RFM edges not four ascending; a risk band outside 0–100.
/// - INVALID_ASSUMPTION: CLV assumptions out of range (discount, lapse and margin rates 0–1, horizon 1–100,
///   a mortality table not known), look-back outside 1–120 months, a negative VIP minimum, hysteresis margin
///   outside 0–100 or negative days.
/// - OTHER: a rule without an id or with a duplicate id; a tier or layer rule without its tier or layer; a
///   condition without a metric or comparison; a tier condition on the tier; a scorecard component without a
///   metric, on the value score or tier, or on its own score; a normalisation without a method; duplicate or
///   unspecified risk grades; an unspecified segment dimension.
///
/// Overlaps and gaps are decided by interval reasoning on the conditions: each tested metric's range is cut at
/// every threshold into points and open stretches (`MetricCells`), so each condition holds on whole cells, and
/// rules are compared cell by cell. Metrics are taken as independent of one another.
public struct RuleSetValidation: Sendable, Hashable {
    public var problems: [RuleProblem]

    /// No ERROR: the rule set may be activated.
    public var isValid: Bool { !problems.contains { $0.severity == .error } }

    /// Validates `ruleSet`.
    /// - Parameters:
    ///   - ruleSet: the candidate.
    ///   - mortalityTables: the names of the mortality tables the service can load.
    public init(_ ruleSet: RuleSet, mortalityTables: Set<String> = [MortalityTable.cl2013NonAnnuityI.name]) {
        problems = Self.settingsProblems(ruleSet, mortalityTables: mortalityTables)
            + Self.scorecardProblems(ruleSet)
            + Self.ruleProblems(ruleSet)
            + Self.tierProblems(ruleSet)
            + Self.layerProblems(ruleSet)
            + Self.potentialProblems(ruleSet)
    }
}

extension RuleSetValidation {
    /// "Tier" for "tier".
    static func title(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }
}

extension RuleProblem {
    /// An ERROR problem.
    static func error(_ kind: RuleProblemKind, _ message: String, rules: [String], example: String = "")
        -> RuleProblem {
        RuleProblem(kind: kind, severity: .error, message: message, ruleIds: rules, example: example)
    }
}
