import WeakTiesGraph

/// The whole-network E-I index with its range and a permutation test, as UCINET reports it.
public struct EIIndexTest: Sendable, Equatable {
    /// `(E − I)/(E + I)` over all ties between nodes of known group.
    public let observed: Double
    /// The E-I index rescaled to [−1, 1] within the range the group sizes and the number of ties
    /// allow: `2 (EI − min)/(max − min) − 1` (NaN when min = max).
    public let rescaled: Double
    /// The smallest and largest E-I index possible with these group sizes and this many ties.
    public let minimum: Double
    /// The largest E-I index possible with these group sizes and this many ties (NaN with no tie
    /// between nodes of known group).
    public let maximum: Double
    /// Mean E-I index over the permutations (the observed labelling left out).
    public let permutationMean: Double
    /// Share of permutations with an E-I index ≥ (and ≤) the observed one; the observed labelling
    /// itself is counted, so neither p-value is ever 0. NaN when the observed index is NaN (no tie
    /// joins two nodes of known group).
    public let pGreaterOrEqual: Double
    /// Share of the permutations, the observed labelling counted, with an E-I index ≤ the observed
    /// one (within 1e-12); NaN when the observed index is NaN.
    public let pLessOrEqual: Double
    /// Number of random relabellings drawn (the observed labelling not included).
    public let permutations: Int
    /// Seed of the `SplitMix64` generator that drew the relabellings.
    public let seed: UInt64

    /// Every value NaN: the test by an attribute with fewer than two known groups is undefined.
    public static func undefined(permutations: Int, seed: UInt64) -> EIIndexTest {
        EIIndexTest(observed: .nan, rescaled: .nan, minimum: .nan, maximum: .nan, permutationMean: .nan,
                    pGreaterOrEqual: .nan, pLessOrEqual: .nan, permutations: permutations, seed: seed)
    }
}

/// The whole-network E-I permutation test, index of qualitative variation and outside share.
extension Graph {
    /// E-I index of the network with a permutation test: group labels are shuffled over the nodes of
    /// known group (keeping the group sizes and the ties), `permutations` times with a seeded
    /// generator; p-values count the labellings at least as extreme as the observed one, including it.
    /// - Complexity: O(permutations · (n + m)).
    public func eiIndexTest(groups: [String?], permutations: Int = 5000, seed: UInt64 = 1) throws(MetricError) -> EIIndexTest {
        guard permutations >= 1 else { throw .invalidParameter("the E-I permutation test needs at least 1 permutation") }
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        let observed = try networkEIIndex(groups: groups)
        // Ties among nodes of known group, and the possible internal/external pairs.
        let known = (0..<nodeCount).filter { groups[$0] != nil }
        var sizes: [String: Double] = [:]
        for v in known { sizes[groups[v]!, default: 0] += 1 }
        let total = Double(known.count)
        // Possible ties: unordered pairs, or ordered pairs (arcs) in a directed graph.
        let perPair = isDirected ? 1.0 : 0.5
        let internalPairs = sizes.values.reduce(0) { $0 + $1 * ($1 - 1) * perPair }
        let externalPairs = total * (total - 1) * perPair - internalPairs
        var ties = 0.0
        for e in 0..<edgeCount where edgeSources[e] != edgeTargets[e] && groups[Int(edgeSources[e])] != nil
            && groups[Int(edgeTargets[e])] != nil { ties += 1 }
        let maximum = ties == 0 ? Double.nan : (min(ties, externalPairs) - (ties - min(ties, externalPairs))) / ties
        let minimum = ties == 0 ? Double.nan : ((ties - min(ties, internalPairs)) - min(ties, internalPairs)) / ties
        // Repeated ties (parallel edges) can exceed the pair counts: then the range does not apply.
        let inRange = observed >= minimum - 1e-12 && observed <= maximum + 1e-12
        let rescaled = maximum > minimum && inRange ? 2 * (observed - minimum) / (maximum - minimum) - 1 : .nan
        guard !observed.isNaN else {
            return EIIndexTest(observed: .nan, rescaled: .nan, minimum: minimum, maximum: maximum, permutationMean: .nan,
                               pGreaterOrEqual: .nan, pLessOrEqual: .nan, permutations: permutations, seed: seed)
        }

        var rng = SplitMix64(seed: seed)
        var labels = known.map { groups[$0] }
        var shuffled = groups
        var greater = 1, less = 1
        var sum = 0.0
        for _ in 0..<permutations {
            // Fisher–Yates written out, so the sequence never depends on the standard library's choice.
            var i = labels.count
            while i > 1 {
                let j = Int(rng.next() % UInt64(i))
                i -= 1
                labels.swapAt(i, j)
            }
            for (i, v) in known.enumerated() { shuffled[v] = labels[i] }
            let value = try networkEIIndex(groups: shuffled)
            sum += value
            if value >= observed - 1e-12 { greater += 1 }
            if value <= observed + 1e-12 { less += 1 }
        }
        let count = Double(permutations + 1)
        return EIIndexTest(observed: observed, rescaled: rescaled, minimum: minimum, maximum: maximum,
                           permutationMean: sum / Double(permutations), pGreaterOrEqual: Double(greater) / count,
                           pLessOrEqual: Double(less) / count, permutations: permutations, seed: seed)
    }

    /// Index of qualitative variation of each node's alters: Blau's index divided by its maximum
    /// `1 − 1/K`, K the number of groups of the attribute in the whole graph; NaN where Blau is NaN
    /// or K < 2.
    public func iqv(groups: [String?]) throws(MetricError) -> NodeScores {
        let blau = try blauIndex(groups: groups)
        let k = Double(Set(groups.compactMap { $0 }).count)
        return NodeScores(blau.values.map { k >= 2 ? $0 / (1 - 1 / k) : .nan })
    }

    /// Share of each node's distinct alters whose group differs from the node's own (e.g. partners
    /// outside its region or sector). Alters of unknown group are left out; NaN where the node's group
    /// is unknown or no alter has a known group. Unlike the E-I index it counts alters, not ties, so
    /// repeated ties to one alter count once.
    public func outsideShare(groups: [String?]) throws(MetricError) -> NodeScores {
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        let simple = SimpleAdjacency(self, undirectedView: true)
        return NodeScores((0..<nodeCount).map { v in
            guard let own = groups[v] else { return .nan }
            var known = 0, outside = 0
            for k in simple.offsets[v]..<simple.offsets[v + 1] {
                guard let g = groups[Int(simple.neighbors[k])] else { continue }
                known += 1
                if g != own { outside += 1 }
            }
            return known == 0 ? .nan : Double(outside) / Double(known)
        })
    }
}

/// SplitMix64: a small seeded generator, so permutation tests and community detection are
/// reproducible across runs and platforms.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// A generator whose sequence is fixed by `seed` (any value, 0 included).
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
