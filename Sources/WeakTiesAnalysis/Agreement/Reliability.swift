import Foundation

/// Level of measurement of a coded variable: it decides Krippendorff's difference function δ².
public enum MeasurementLevel: String, Sendable, CaseIterable, Codable {
    /// δ² = 0 for equal values, 1 otherwise.
    case nominal
    /// δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², ranks from the pooled values.
    case ordinal
    /// δ² = (c − k)².
    case interval
}

/// Units coded by several coders, kept as distinct patterns of values with their multiplicities.
///
/// Two layouts: *paired* (exactly two coders, values in coder order, a value may be missing) for
/// Cohen's κ and everything else; *pooled* (any number of coders, each unit's coded values as a
/// multiset) for Krippendorff's α, Fleiss' κ and percent agreement, which depend on nothing else.
/// Patterns are what the bootstrap resamples, so a million units with few distinct patterns cost
/// O(patterns) per replicate.
public struct CodingTable: Sendable {
    /// Sorted distinct values; a code is an index into it.
    public let categories: [Double]
    /// Whether patterns keep coder order (two coders, missing values kept).
    public let isPaired: Bool
    /// Codes of pattern `p`: `codes[offsets[p]..<offsets[p + 1]]` (`missing` for a missing value).
    private(set) var codes: [UInt8] = []
    private(set) var offsets: [Int] = [0]
    /// Units with each pattern.
    public private(set) var counts: [Double] = []
    private var index: [UInt64: Int] = [:]
    private var longIndex: [[UInt8]: Int] = [:]

    static let missing: UInt8 = 255

    /// An empty table over `categories` (at most 254 values).
    public init(categories: [Double], paired: Bool) {
        precondition(categories.count < 255, "at most 254 categories")
        self.categories = categories
        self.isPaired = paired
    }

    /// A table of `units`, each a row of values by coder (`nil` or NaN: that coder did not code the
    /// unit); paired when the rows have two coders. At most 254 distinct values.
    public init(units: [[Double?]]) {
        // NaN is a missing value, as in the reference implementations.
        let values = Set(units.flatMap { $0.compactMap { $0 }.filter { !$0.isNaN } }).sorted()
        let code = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, UInt8($0)) })
        self.init(categories: values, paired: units.first?.count == 2)
        for unit in units { add(unit.map { $0.flatMap { code[$0] } ?? Self.missing }) }
    }

    /// Number of distinct patterns.
    public var patternCount: Int { counts.count }
    /// Number of units.
    public var unitCount: Double { counts.reduce(0, +) }

    /// Adds `count` units with these codes (coder order; `missing` for a missing value).
    mutating func add(_ unitCodes: [UInt8], count: Double = 1) {
        var pattern = unitCodes
        if !isPaired {
            pattern = unitCodes.filter { $0 != Self.missing }.sorted()
            if pattern.isEmpty { return }
        }
        if pattern.count <= 7 {
            var key = UInt64(pattern.count) << 56
            for (i, c) in pattern.enumerated() { key |= UInt64(c) << (8 * UInt64(i)) }
            if let p = index[key] { counts[p] += count; return }
            index[key] = counts.count
        } else {
            if let p = longIndex[pattern] { counts[p] += count; return }
            longIndex[pattern] = counts.count
        }
        codes += pattern
        offsets.append(codes.count)
        counts.append(count)
    }

    /// Adds one unit of a pooled table from its codes in coder order (`missing` for a missing
    /// value) without building an array where it has up to seven values (the scan's hot path).
    mutating func addPooled(_ unitCodes: [UInt8], count: Double = 1) {
        precondition(!isPaired)
        var present = 0
        for c in unitCodes where c != Self.missing { present += 1 }
        guard present > 0 else { return }
        guard present <= 7 else { add(unitCodes, count: count); return }
        // The sorted values packed into a key: insertion sort into a UInt64, one byte a value.
        var sorted: UInt64 = 0, n = 0
        for c in unitCodes where c != Self.missing {
            var i = n
            while i > 0 && UInt8(truncatingIfNeeded: sorted >> (8 * UInt64(i - 1))) > c {
                let shifted = (sorted >> (8 * UInt64(i - 1))) & 0xFF
                sorted = (sorted & ~(0xFF << (8 * UInt64(i)))) | (shifted << (8 * UInt64(i)))
                i -= 1
            }
            sorted = (sorted & ~(0xFF << (8 * UInt64(i)))) | (UInt64(c) << (8 * UInt64(i)))
            n += 1
        }
        let key = UInt64(present) << 56 | sorted
        if let p = index[key] { counts[p] += count; return }
        index[key] = counts.count
        for i in 0..<present { codes.append(UInt8(truncatingIfNeeded: sorted >> (8 * UInt64(i)))) }
        offsets.append(codes.count)
        counts.append(count)
    }

    /// Adds `count` units coded `a` by the first and `b` by the second coder of a paired table,
    /// without building an array (the agreement scan's hot path).
    mutating func addPair(_ a: UInt8, _ b: UInt8, count: Double = 1) {
        let key = UInt64(2) << 56 | UInt64(a) | UInt64(b) << 8
        if let p = index[key] { counts[p] += count; return }
        index[key] = counts.count
        codes.append(a); codes.append(b)
        offsets.append(codes.count)
        counts.append(count)
    }

    /// The codes of pattern `p` (a paired pattern keeps its missing values).
    func values(_ p: Int) -> ArraySlice<UInt8> { codes[offsets[p]..<offsets[p + 1]] }
}

/// Agreement coefficients over a `CodingTable`. Each takes the units' weights (by default their
/// counts; the bootstrap passes resampled ones) and returns NaN where the coefficient is undefined.
public enum Reliability {
    /// Share of agreeing pairs of values within units (each unit with m ≥ 2 values gives m(m−1)/2
    /// pairs). NaN without such units. - Complexity: O(patterns × m²).
    public static func percentAgreement(_ table: CodingTable, weights: [Double]? = nil) -> Double {
        let w = weights ?? table.counts
        var agree = 0.0, pairs = 0.0
        for p in 0..<table.patternCount where w[p] > 0 {
            let v = Array(table.values(p).filter { $0 != CodingTable.missing })
            guard v.count >= 2 else { continue }
            for i in 0..<v.count { for j in (i + 1)..<v.count { pairs += w[p]; if v[i] == v[j] { agree += w[p] } } }
        }
        return pairs > 0 ? agree / pairs : .nan
    }

    /// Krippendorff's α = 1 − D_o / D_e from the coincidence matrix (Krippendorff 2019, ch. 12):
    /// o_ck = Σ_u (number of ordered pairs of values c, k from different coders in u) / (m_u − 1)
    /// over units with m_u ≥ 2 values; α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck. Missing values
    /// are simply absent, as Krippendorff defines. NaN when fewer than two pairable values or no
    /// variation (D_e = 0). - Complexity: O(patterns × m² + V²) for m values in a unit.
    public static func krippendorffAlpha(_ table: CodingTable, level: MeasurementLevel, weights: [Double]? = nil) -> Double {
        let w = weights ?? table.counts
        let v = table.categories.count
        guard v > 0 else { return .nan }
        var o = [Double](repeating: 0, count: v * v)
        var valueCounts = [Int](repeating: 0, count: v)
        for p in 0..<table.patternCount where w[p] > 0 {
            let values = table.values(p).filter { $0 != CodingTable.missing }
            let m = values.count
            guard m >= 2 else { continue }
            var distinct: [Int] = []
            for c in values {
                if valueCounts[Int(c)] == 0 { distinct.append(Int(c)) }
                valueCounts[Int(c)] += 1
            }
            let share = w[p] / Double(m - 1)
            for c in distinct {
                for k in distinct {
                    let pairs = c == k ? valueCounts[c] * (valueCounts[c] - 1) : valueCounts[c] * valueCounts[k]
                    if pairs > 0 { o[c * v + k] += Double(pairs) * share }
                }
            }
            for c in values { valueCounts[Int(c)] = 0 }
        }
        var n = [Double](repeating: 0, count: v)
        for c in 0..<v { for k in 0..<v { n[c] += o[c * v + k] } }
        let total = n.reduce(0, +)
        guard total > 1 else { return .nan }
        let delta = differences(table.categories, marginals: n, level: level)
        var observed = 0.0, expected = 0.0
        for c in 0..<v {
            for k in 0..<v {
                observed += o[c * v + k] * delta[c * v + k]
                expected += n[c] * n[k] * delta[c * v + k]
            }
        }
        guard expected > 0 else { return .nan }
        return 1 - (total - 1) * observed / expected
    }

    /// δ² for every pair of categories (row-major V × V).
    static func differences(_ categories: [Double], marginals n: [Double], level: MeasurementLevel) -> [Double] {
        let v = categories.count
        var delta = [Double](repeating: 0, count: v * v)
        for c in 0..<v {
            for k in 0..<v where c != k {
                switch level {
                case .nominal: delta[c * v + k] = 1
                case .interval: delta[c * v + k] = (categories[c] - categories[k]) * (categories[c] - categories[k])
                case .ordinal:
                    let (lo, hi) = (min(c, k), max(c, k))
                    let sum = n[lo...hi].reduce(0, +) - (n[c] + n[k]) / 2
                    delta[c * v + k] = sum * sum
                }
            }
        }
        return delta
    }

    /// Cohen's κ = (p_o − p_e) / (1 − p_e) over the units both coders of a paired table coded, p_e from
    /// each coder's own marginals (Cohen 1960); unweighted. NaN for a pooled table, without units, or
    /// where p_e = 1. - Complexity: O(patterns + V).
    public static func cohenKappa(_ table: CodingTable, weights: [Double]? = nil) -> Double {
        guard table.isPaired else { return .nan }
        let w = weights ?? table.counts
        let v = table.categories.count
        var first = [Double](repeating: 0, count: v), second = first
        var agree = 0.0, total = 0.0
        for p in 0..<table.patternCount where w[p] > 0 {
            let pair = table.values(p)
            let a = pair[pair.startIndex], b = pair[pair.startIndex + 1]
            guard a != CodingTable.missing, b != CodingTable.missing else { continue }
            total += w[p]
            first[Int(a)] += w[p]; second[Int(b)] += w[p]
            if a == b { agree += w[p] }
        }
        guard total > 0 else { return .nan }
        let observed = agree / total
        var chance = 0.0
        for c in 0..<v { chance += first[c] * second[c] / (total * total) }
        guard chance < 1 else { return .nan }
        return (observed - chance) / (1 - chance)
    }

    /// Fleiss' κ (Fleiss 1971) over the units coded by the most common number r ≥ 2 of coders (the
    /// coefficient assumes r is constant; ties in the mode take the larger r). Returns κ and r.
    /// NaN where P̄_e = 1 or no unit has two values. - Complexity: O(patterns × m + V).
    public static func fleissKappa(_ table: CodingTable, weights: [Double]? = nil) -> (kappa: Double, raters: Int) {
        let w = weights ?? table.counts
        var unitsByRaters: [Int: Double] = [:]
        for p in 0..<table.patternCount where w[p] > 0 {
            let m = table.values(p).count { $0 != CodingTable.missing }
            if m >= 2 { unitsByRaters[m, default: 0] += w[p] }
        }
        guard let r = unitsByRaters.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else { return (.nan, 0) }
        let v = table.categories.count
        var categoryTotals = [Double](repeating: 0, count: v)
        var counts = [Int](repeating: 0, count: v)
        var sumP = 0.0, units = 0.0
        for p in 0..<table.patternCount where w[p] > 0 {
            let values = table.values(p).filter { $0 != CodingTable.missing }
            guard values.count == r else { continue }
            for c in values { counts[Int(c)] += 1 }
            var squares = 0
            for c in values where counts[Int(c)] > 0 {
                squares += counts[Int(c)] * counts[Int(c)]
                categoryTotals[Int(c)] += w[p] * Double(counts[Int(c)])
                counts[Int(c)] = 0
            }
            sumP += w[p] * Double(squares - r) / Double(r * (r - 1))
            units += w[p]
        }
        guard units > 0 else { return (.nan, r) }
        let meanP = sumP / units
        var chance = 0.0
        for c in 0..<v { let share = categoryTotals[c] / (units * Double(r)); chance += share * share }
        guard chance < 1 else { return (.nan, r) }
        return ((meanP - chance) / (1 - chance), r)
    }

    /// A percentile confidence interval for `statistic` by the Poisson bootstrap over units: each unit
    /// is drawn Poisson(1) times, so a pattern held by c units is drawn Poisson(c) times — the
    /// multinomial bootstrap's large-sample equivalent (Hanley & MacGibbon 2006; Chamandy et al. 2012),
    /// O(patterns) per replicate instead of O(units). Replicates where the statistic is undefined are
    /// left out; NaN bounds when fewer than half are defined. Percentiles interpolate linearly (as
    /// numpy's default). Seeded: the same seed gives the same interval.
    public static func bootstrap(
        _ table: CodingTable, replicates: Int, seed: UInt64, confidence: Double = 0.95,
        _ statistic: (CodingTable, [Double]) -> Double
    ) -> (low: Double, high: Double) {
        guard replicates > 0, table.patternCount > 0 else { return (.nan, .nan) }
        var rng = SplitMix64(seed: seed)
        var estimates: [Double] = []
        estimates.reserveCapacity(replicates)
        var weights = [Double](repeating: 0, count: table.patternCount)
        for _ in 0..<replicates {
            for p in weights.indices { weights[p] = Double(Poisson.sample(mean: table.counts[p], using: &rng)) }
            let value = statistic(table, weights)
            if !value.isNaN { estimates.append(value) }
        }
        guard estimates.count * 2 >= replicates else { return (.nan, .nan) }
        estimates.sort()
        let tail = (1 - confidence) / 2
        return (percentile(estimates, tail), percentile(estimates, 1 - tail))
    }

    /// The q-quantile of sorted values, linear interpolation between order statistics.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}

/// Poisson variates: inversion for small means, Hörmann's PTRS transformed rejection (1993, as numpy
/// uses) from mean 10 on, so a draw costs O(1) for any mean.
enum Poisson {
    static func sample(mean lambda: Double, using rng: inout SplitMix64) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda < 10 {
            var k = 0
            var p = exp(-lambda), cumulative = p
            let u = uniform(&rng)
            while u > cumulative && k < 1000 {
                k += 1
                p *= lambda / Double(k)
                cumulative += p
            }
            return k
        }
        let slam = lambda.squareRoot(), loglam = log(lambda)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform(&rng) - 0.5
            let v = uniform(&rng)
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1) { return Int(k) }
        }
    }

    /// Uniform in [0, 1) with 53 random bits.
    static func uniform(_ rng: inout SplitMix64) -> Double { Double(rng.next() >> 11) * 0x1p-53 }
}
