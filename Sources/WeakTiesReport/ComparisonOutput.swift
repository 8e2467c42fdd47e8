import Foundation
import WeakTiesAnalysis
import WeakTiesIO

/// Output formats of `weakties compare`.
public enum ComparisonFormat: String, Sendable, CaseIterable {
    case text, csv, json
}

/// Formats an `InnovationComparison`: one row per measure with each group's mean and median, the
/// effect sizes and the permutation p-value.
public struct ComparisonOutput: Sendable {
    public let comparison: InnovationComparison

    public init(comparison: InnovationComparison) { self.comparison = comparison }

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
