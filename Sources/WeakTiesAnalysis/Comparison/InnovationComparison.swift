import Foundation
import WeakTiesStudy

/// Do established and new innovations (or the innovations of two regions, …) differ in their networks?
/// A permutation test per measure, with effect sizes, on the innovations' own values as their report
/// pages show them (`InnovationProfiles`).
///
/// Statistic: the between-group sum of squares Σ_g n_g (mean_g − mean)², which for two groups is a
/// monotone function of |mean difference| (so the test is two-sided). The group labels are permuted
/// over the innovations with a value: exactly (every assignment) where there are at most
/// `exactUpTo` of them, else by `permutations` seeded draws; p = share of assignments with a statistic
/// at least the observed one (the observed assignment counted). Effect sizes: for two groups the
/// difference of means, Hedges' g (pooled-SD standardised, small-sample corrected) and Cliff's δ
/// (P(a > b) − P(a < b), robust to outliers); for more groups η² (between / total sum of squares).
/// Innovations whose value is undefined (NaN) or whose group is unknown are left out of that measure.
public struct InnovationComparison: Sendable {
    /// How the permutation tests run.
    public struct Options: Sendable {
        /// Seeded random assignments per measure where the test is not exact (0: no p-value).
        public var permutations: Int
        /// Seed of the random assignments (each measure draws its own stream from it).
        public var seed: UInt64
        /// With two groups, every assignment is counted when there are at most this many; more groups
        /// are always sampled.
        public var exactUpTo: Int
        /// Options with the given values (defaults: 9,999 permutations, seed 1, exact up to 50,000
        /// assignments).
        public init(permutations: Int = 9999, seed: UInt64 = 1, exactUpTo: Int = 50_000) {
            self.permutations = permutations
            self.seed = seed
            self.exactUpTo = exactUpTo
        }
    }

    /// One group's values of a measure.
    public struct Group: Sendable {
        /// The group's label (`established`, `new`, or the attribute's value).
        public let name: String
        /// Innovations of the group with a defined value of the measure.
        public let count: Int
        /// Mean of their values; NaN when `count` is 0.
        public let mean: Double
        /// Median of their values; NaN when `count` is 0.
        public let median: Double
    }

    /// One measure compared across the groups.
    public struct Measure: Sendable {
        /// The measure's key: `weak_tie_share`, `ei_region`, `ei_partner_type`, `constraint`,
        /// `effective_size`, `brokerage_across_regions`, `partner_initiated_share` or `ties`.
        public let name: String
        /// Each group's values, in `groupNames` order.
        public let groups: [Group]
        /// Mean of the first group minus mean of the second (two groups only; else NaN).
        public let difference: Double
        /// Hedges' g: the difference over the pooled standard deviation, times 1 − 3/(4·df − 1); NaN
        /// unless there are two groups, df = n − 2 ≥ 2 and the values vary within the groups.
        public let hedgesG: Double
        /// Cliff's δ = P(a > b) − P(a < b), a from the first group and b from the second, from −1 to
        /// +1 (positive: the first group's values tend to be larger); NaN unless there are two groups.
        public let cliffsDelta: Double
        /// η² = between-group / total sum of squares, from 0 to 1 (for two groups too); NaN when every
        /// value is equal or fewer than two groups have values.
        public let etaSquared: Double
        /// Permutation p-value: the share of assignments whose statistic is at least the observed one
        /// (observed counted); NaN when fewer than two groups have values or, sampled, without permutations.
        public let p: Double
        /// Whether p counts every assignment (else `permutations` draws).
        public let exact: Bool
        /// Assignments the p-value counts: all of them when `exact`, else the permutations drawn (0 when
        /// the measure cannot be tested).
        public let assignments: Int
    }

    /// The grouping's name (`established`, `region`, …) and the groups in order.
    public let attribute: String
    /// The groups found among the innovations: `established` first, then by name.
    public let groupNames: [String]
    /// One comparison per measure, in a fixed order (see `Measure.name`).
    public let measures: [Measure]
    /// The options the tests ran with.
    public let options: Options

    /// Compares the innovations grouped by `attribute`: `established` (established / new) or a nodes
    /// attribute (`region`, `sector`, an extra column).
    /// - Throws: `ComparisonError` for an unknown attribute or fewer than two groups.
    public init(profiles: InnovationProfiles, by attribute: String, options: Options = Options()) throws {
        self.attribute = attribute
        self.options = options
        let study = profiles.metrics.study
        let innovations = study.actors.indices.filter { study.actors[$0].kind == .innovation }
        let labels: [String?]
        if attribute.lowercased() == "established" {
            labels = innovations.map { study.actors[$0].established.map { $0 ? "established" : "new" } }
        } else {
            guard let values = study.nodeAttributeValues(attribute) else { throw ComparisonError.unknownAttribute(attribute, study.nodeAttributeNames) }
            labels = innovations.map { values[$0] }
        }
        let names = Array(Set(labels.compactMap { $0 })).sorted { a, b in
            // Established first, then by name.
            a == "established" ? b != "established" : (b == "established" ? false : a < b)
        }
        guard names.count >= 2 else { throw ComparisonError.tooFewGroups(attribute, names) }
        groupNames = names
        // The measures need none of a profile's costly parts (position, suggestions): profiles without
        // them (in a report, every innovation's suggestions were computed a second time here, ~4 of the
        // regional model's 49 CPU seconds).
        let cheap = profiles.parts.isEmpty ? profiles : try InnovationProfiles(metrics: profiles.metrics, suggestions: 0, parts: [])
        let profileOf = innovations.map { cheap.profile(of: $0) }
        // Brokerage between regions: the open two-paths through the innovation whose ends are not all in
        // one region (Gould–Fernandez's roles other than coordinator; NaN where regions are undefined).
        let brokerage = try profiles.metrics.brokerage(by: "region")
        let across = zip(brokerage.counts[.total]!, brokerage.counts[.coordinator]!).map { $0 - $1 }
        let extractors: [(String, (InnovationProfile) -> Double)] = [
            ("weak_tie_share", { $0.weakTieShare }), ("ei_region", { $0.openness.eiRegion }),
            ("ei_partner_type", { $0.openness.eiPartnerType }), ("constraint", { $0.openness.constraint }),
            ("effective_size", { $0.openness.effectiveSize }), ("brokerage_across_regions", { across[$0.actor] }),
            ("partner_initiated_share", { $0.initiation.partnerShare }), ("ties", { Double($0.tieCount) }),
        ]
        var measures: [Measure] = []
        for (k, (name, value)) in extractors.enumerated() {
            var values: [Double] = [], groups: [Int] = []
            for (i, p) in profileOf.enumerated() {
                guard let label = labels[i], let g = names.firstIndex(of: label) else { continue }
                let v = value(p)
                guard !v.isNaN else { continue }
                values.append(v); groups.append(g)
            }
            measures.append(Self.measure(name, values: values, groups: groups, names: names, options: options, stream: UInt64(k)))
        }
        self.measures = measures
    }

    static func measure(_ name: String, values: [Double], groups: [Int], names: [String], options: Options, stream: UInt64) -> Measure {
        let k = names.count
        func stats(_ g: Int) -> Group {
            let v = zip(values, groups).filter { $0.1 == g }.map(\.0).sorted()
            let mean = v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count)
            let median = v.isEmpty ? .nan : v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
            return Group(name: names[g], count: v.count, mean: mean, median: median)
        }
        let summary = (0..<k).map(stats)
        let counts = summary.map(\.count)
        let usable = counts.filter { $0 > 0 }.count >= 2
        let total = values.reduce(0, +)
        func between(_ assignment: [Int]) -> Double {
            var sums = [Double](repeating: 0, count: k)
            for (v, g) in zip(values, assignment) { sums[g] += v }
            var ss = 0.0
            for g in 0..<k where counts[g] > 0 { ss += sums[g] * sums[g] / Double(counts[g]) }
            return ss - total * total / Double(values.count)
        }
        guard usable else {
            return Measure(name: name, groups: summary, difference: .nan, hedgesG: .nan, cliffsDelta: .nan, etaSquared: .nan,
                           p: .nan, exact: false, assignments: 0)
        }
        let observed = between(groups)
        let mean = total / Double(values.count)
        let ssTotal = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let eta = ssTotal > 0 ? observed / ssTotal : .nan
        var difference = Double.nan, g = Double.nan, delta = Double.nan
        if k == 2 && counts[0] > 0 && counts[1] > 0 {
            let a = zip(values, groups).filter { $0.1 == 0 }.map(\.0), b = zip(values, groups).filter { $0.1 == 1 }.map(\.0)
            difference = summary[0].mean - summary[1].mean
            let va = a.reduce(0) { $0 + ($1 - summary[0].mean) * ($1 - summary[0].mean) }
            let vb = b.reduce(0) { $0 + ($1 - summary[1].mean) * ($1 - summary[1].mean) }
            let df = Double(a.count + b.count - 2)
            // The small-sample correction 1 − 3/(4·df − 1) is 0 at df = 1: g is undefined there.
            if df >= 2 && va + vb > 0 {
                let pooled = ((va + vb) / df).squareRoot()
                g = difference / pooled * (1 - 3 / (4 * df - 1))
            }
            var greater = 0, less = 0
            for x in a { for y in b { if x > y { greater += 1 } else if x < y { less += 1 } } }
            delta = Double(greater - less) / Double(a.count * b.count)
        }
        // The statistic is a sum of the same terms in another order for equivalent assignments.
        let eps = 1e-9 * max(1, abs(observed))
        let assignments = multinomial(counts)
        if assignments <= Double(options.exactUpTo), k == 2 {
            // Every choice of the first group's members among the values.
            var atLeast = 0, all = 0
            var chosen = [Int](repeating: 1, count: values.count)
            func choose(_ start: Int, _ left: Int) {
                if left == 0 {
                    all += 1
                    if between(chosen) >= observed - eps { atLeast += 1 }
                    return
                }
                guard values.count - start >= left else { return }
                for i in start..<values.count {
                    chosen[i] = 0
                    choose(i + 1, left - 1)
                    chosen[i] = 1
                }
            }
            choose(0, counts[0])
            return Measure(name: name, groups: summary, difference: difference, hedgesG: g, cliffsDelta: delta, etaSquared: eta,
                           p: Double(atLeast) / Double(all), exact: true, assignments: all)
        }
        var rng = SplitMix64(seed: options.seed &+ stream &* 0x9E37_79B9)
        var labels = groups
        var atLeast = 1
        // `between(labels)` after each shuffle, on buffers: the same draws and the same additions in the
        // same order (the same bits), without an array made and its bounds checked per permutation
        // (regional model, 8 measures × 9,999 permutations of 2,491 innovations: 1.2 → 1.0 CPU s by perf;
        // most of what is left is the division of each draw, kept so the p-values stay the same).
        let n = values.count, correction = total * total / Double(n)
        var sums = [Double](repeating: 0, count: k)
        values.withUnsafeBufferPointer { values in
            labels.withUnsafeMutableBufferPointer { labels in
                sums.withUnsafeMutableBufferPointer { sums in
                    for _ in 0..<options.permutations {
                        var i = n - 1
                        while i > 0 {
                            labels.swapAt(i, Int(rng.next() % UInt64(i + 1)))
                            i -= 1
                        }
                        for g in 0..<k { sums[g] = 0 }
                        for t in 0..<n { sums[labels[t]] += values[t] }
                        var ss = 0.0
                        for g in 0..<k where counts[g] > 0 { ss += sums[g] * sums[g] / Double(counts[g]) }
                        if ss - correction >= observed - eps { atLeast += 1 }
                    }
                }
            }
        }
        return Measure(name: name, groups: summary, difference: difference, hedgesG: g, cliffsDelta: delta, etaSquared: eta,
                       p: options.permutations > 0 ? Double(atLeast) / Double(options.permutations + 1) : .nan,
                       exact: false, assignments: options.permutations)
    }

    /// n! / Π n_g! as a Double (large values are only compared with a limit).
    static func multinomial(_ counts: [Int]) -> Double {
        var result = 1.0, n = 0
        for c in counts {
            for i in 0..<c { n += 1; result *= Double(n) / Double(i + 1) }
        }
        return result
    }
}

/// Why innovations cannot be compared.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The attribute is neither `established` nor a node attribute of the study; the second value
    /// lists the node attributes there are.
    case unknownAttribute(String, [String])
    /// The innovations fall into fewer than two groups by the attribute; the second value lists the
    /// groups found.
    case tooFewGroups(String, [String])

    public var description: String {
        switch self {
        case let .unknownAttribute(name, known):
            "no attribute '\(name)' (expected established, \(known.joined(separator: ", ")))"
        case let .tooFewGroups(name, groups):
            "the innovations fall into \(groups.count) group\(groups.count == 1 ? "" : "s") by '\(name)'\(groups.isEmpty ? "" : " (\(groups.joined(separator: ", ")))"): a comparison needs two or more"
        }
    }
}
