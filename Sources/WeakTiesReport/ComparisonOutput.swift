import Foundation
import WeakTiesAnalysis
import WeakTiesIO
import WeakTiesMetrics

/// Output formats of `weakties compare`.
public enum ComparisonFormat: String, Sendable, CaseIterable {
    /// An aligned table with a note on how to read it (p, effect sizes); undefined values as "–".
    case text
    /// Spreadsheet-safe CSV with a header row; undefined values empty.
    case csv
    /// JSON, indented by two spaces; undefined values `null`.
    case json
}

/// Formats an `InnovationComparison`: one row per measure with each group's mean and median, the
/// effect sizes and the permutation p-value.
public struct ComparisonOutput: Sendable {
    /// The comparison computed; every number written comes from it.
    public let comparison: InnovationComparison

    /// Formats `comparison`.
    public init(comparison: InnovationComparison) { self.comparison = comparison }

    /// The comparison in `format`: in CSV one row per measure and group, in text one row per measure.
    public func render(_ format: ComparisonFormat) -> String {
        switch format {
        case .text: text()
        case .csv: csv()
        case .json: json().serialized(indent: 2) + "\n"
        }
    }

    func csv() -> String {
        var out = CSVWriter()
        out.header(["measure", "group", "innovations", "mean", "median", "difference", "hedges_g", "cliffs_delta", "eta_squared",
                    "p", "exact", "assignments"])
        let n = NumberFormat.cell
        for m in comparison.measures {
            for g in m.groups {
                out.row([.text(m.name), .text(g.name), .number(String(g.count)), n(g.mean), n(g.median), n(m.difference), n(m.hedgesG),
                         n(m.cliffsDelta), n(m.etaSquared), n(m.p), .text(m.exact ? "true" : "false"), .number(String(m.assignments))])
            }
        }
        return out.output
    }

    func json() -> JSONValue {
        let n = NumberFormat.json
        return .object([
            ("by", .string(comparison.attribute)), ("groups", .array(comparison.groupNames.map { .string($0) })),
            ("permutations", .int(comparison.options.permutations)), ("seed", .string(String(comparison.options.seed))),
            ("measures", .array(comparison.measures.map { m in
                .object([("measure", .string(m.name)),
                         ("groups", .array(m.groups.map { g in
                             .object([("group", .string(g.name)), ("innovations", .int(g.count)), ("mean", n(g.mean)), ("median", n(g.median))])
                         })),
                         ("difference", n(m.difference)), ("hedges_g", n(m.hedgesG)), ("cliffs_delta", n(m.cliffsDelta)),
                         ("eta_squared", n(m.etaSquared)), ("p", n(m.p)), ("exact", .bool(m.exact)), ("assignments", .int(m.assignments))])
            })),
        ])
    }

    func text() -> String {
        func d(_ v: Double, _ digits: Int = 2) -> String { v.isNaN ? "–" : String(format: "%.\(digits)f", v) }
        let twoGroups = comparison.groupNames.count == 2
        var header = ["measure"] + comparison.groupNames.map { "mean \($0) (n)" }
        header += twoGroups ? ["difference", "Hedges' g", "Cliff's δ", "p"] : ["η²", "p"]
        let rows = comparison.measures.map { m -> [String] in
            var row = [m.name] + m.groups.map { "\(d($0.mean)) (\($0.count))" }
            row += twoGroups ? [d(m.difference), d(m.hedgesG), d(m.cliffsDelta), d(m.p, 4) + (m.exact ? "" : "*")] : [d(m.etaSquared), d(m.p, 4) + (m.exact ? "" : "*")]
            return row
        }
        var out = "Innovations compared by \(comparison.attribute): \(comparison.groupNames.joined(separator: " vs "))\n\n"
        out += TextTable.render(header, rows)
        out += "\np: permutation test of the group labels over the innovations (two-sided); exact over every assignment (two groups, up to 50,000), "
        out += "or * from \(comparison.options.permutations) seeded permutations (seed \(comparison.options.seed)). "
        out += twoGroups ? "Hedges' g: difference in pooled standard deviations; Cliff's δ: P(first > second) − P(first < second).\n"
            : "η²: share of the variance between the groups.\n"
        return out
    }
}

/// Formats a `QAPRegression`: one row per coefficient with its estimate, standard error, t-value and
/// permutation p-values, and the fit.
public struct QAPRegressionOutput: Sendable {
    /// The regression computed; every number written comes from it.
    public let regression: QAPRegression
    /// Actors in the regression (the study's), for the heading.
    public let actors: Int

    /// Formats `regression` over a study of `actors` actors.
    public init(regression: QAPRegression, actors: Int) {
        self.regression = regression
        self.actors = actors
    }

    /// The regression in `format`: one row per coefficient (the intercept first), with the fit in
    /// text and JSON.
    public func render(_ format: ComparisonFormat) -> String {
        switch format {
        case .text: text()
        case .csv: csv()
        case .json: json().serialized(indent: 2) + "\n"
        }
    }

    func csv() -> String {
        var out = CSVWriter()
        out.header(["coefficient", "estimate", "std_error", "t", "p_greater_or_equal", "p_less_or_equal", "p_two_sided",
                    "null", "permutations", "seed"])
        let n = NumberFormat.cell, r = regression
        for c in r.coefficients {
            out.row([.text(c.name), n(c.estimate), n(c.standardError), n(c.t), n(c.pGreaterOrEqual), n(c.pLessOrEqual), n(c.pTwoSided),
                     .text(r.null.rawValue), .number(String(r.permutations)), .number(String(r.seed))])
        }
        return out.output
    }

    func json() -> JSONValue {
        let n = NumberFormat.json, r = regression
        return .object([
            ("model", .string("qap_regression")), ("dependent", .string("tie")), ("actors", .int(actors)), ("dyads", .int(r.dyads)),
            ("ties", .int(r.ties)), ("r_squared", n(r.rSquared)), ("adjusted_r_squared", n(r.adjustedRSquared)),
            ("null", .string(r.null.rawValue)), ("permutations", .int(r.permutations)), ("seed", .string(String(r.seed))),
            ("coefficients", .array(r.coefficients.map { c in
                .object([("coefficient", .string(c.name)), ("estimate", n(c.estimate)), ("std_error", n(c.standardError)), ("t", n(c.t)),
                         ("p_greater_or_equal", n(c.pGreaterOrEqual)), ("p_less_or_equal", n(c.pLessOrEqual)), ("p_two_sided", n(c.pTwoSided))])
            })),
        ])
    }

    func text() -> String {
        func d(_ v: Double, _ digits: Int = 4) -> String { v.isNaN ? "–" : String(format: "%.\(digits)f", v) }
        let r = regression
        let predictors = r.coefficients.dropFirst().map { $0.name.replacingOccurrences(of: "_", with: " ") }
        var out = "QAP regression of tie presence on \(predictors.joined(separator: ", ")) "
        out += "(\(actors) actors, \(r.dyads) pairs, \(r.ties) ties)\n\n"
        let rows = r.coefficients.map { c in
            [c.name, d(c.estimate, 5), d(c.standardError, 5), d(c.t, 3), d(c.pGreaterOrEqual), d(c.pLessOrEqual), d(c.pTwoSided)]
        }
        out += TextTable.render(["coefficient", "estimate", "std. error", "t", "p (≥)", "p (≤)", "p (two-sided)"], rows)
        out += "\nR² = \(d(r.rSquared)), adjusted \(d(r.adjustedRSquared)). "
        out += "Estimate: the difference \"same …\" makes to the probability that two actors are tied, the other predictors held fixed "
        out += "(a linear probability model over all pairs, as R sna::netlm). "
        out += "p: share of \(r.permutations) seeded relabellings of the actors (seed \(r.seed)) with a t at least as extreme, the observed one counted, "
        out += r.null == .dsp ? "permuting each predictor's residuals on the others (double semi-partialling, Dekker et al. 2007; netlm's default).\n"
            : "permuting the ties (Y-permutation; netlm's \"qapy\").\n"
        return out
    }
}
