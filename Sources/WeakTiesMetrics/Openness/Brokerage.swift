import WeakTiesGraph

/// Gould–Fernandez brokerage roles (Gould & Fernandez 1989) of every node, with expectations and
/// z-scores under the null model of R's `sna::brokerage` (random ties at the observed density).
public struct Brokerage: Sendable, Equatable {
    /// The five roles of a broker b on an open two-path a → b → c (a, b, c distinct, no tie a → c),
    /// by the groups of a, b and c; `total` counts every open two-path through b.
    public enum Role: String, Sendable, CaseIterable {
        /// a, b, c in one group (sna: w_I).
        case coordinator
        /// a and c in one group, b in another (w_O).
        case itinerant
        /// a and b in one group, c in another: b represents its group outwards (b_IO).
        case representative
        /// b and c in one group, a in another: b controls access to its group (b_OI).
        case gatekeeper
        /// a, b, c in three different groups (b_O).
        case liaison
        /// All open two-paths through b (t).
        case total
    }

    /// Raw counts per role, indexed by node.
    public let counts: [Role: [Double]]
    /// Expected counts under the null model (by the node's group).
    public let expected: [Role: [Double]]
    /// Standard deviations under the null model.
    public let standardDeviation: [Role: [Double]]
    /// `(count − expected) / sd`; NaN where sd is 0.
    public let zScore: [Role: [Double]]
    /// Whole-network counts, expectations and standard deviations per role.
    public let networkCounts: [Role: Double]
    /// Whole-network expected counts per role under the null model (`sna::brokerage`'s network-level
    /// moments); NaN with fewer than two nodes (the density is undefined).
    public let networkExpected: [Role: Double]
    /// Whole-network standard deviations per role under the null model; NaN with fewer than two nodes.
    public let networkStandardDeviation: [Role: Double]

    /// Every count, expectation and z-score NaN: brokerage by an attribute with fewer than two known
    /// groups is undefined (every broker would be a "coordinator" of one group, with confident z-scores).
    public static func undefined(nodeCount: Int) -> Brokerage {
        let nan = [Double](repeating: .nan, count: nodeCount)
        let perNode = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, nan) })
        let network = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, Double.nan) })
        return Brokerage(counts: perNode, expected: perNode, standardDeviation: perNode, zScore: perNode,
                         networkCounts: network, networkExpected: network, networkStandardDeviation: network)
    }
}

/// Gould–Fernandez brokerage roles.
extension Graph {
    /// Gould–Fernandez brokerage by a categorical node attribute.
    ///
    /// Counting follows `sna::brokerage` exactly: for every arc a → b and arc b → c with a, b, c distinct
    /// and no arc a → c, broker b gets one count in the role given by the groups of a, b and c.
    /// Expectations and variances are those of `sna::brokerage` with density `d = m/(N(N−1))` and the
    /// group sizes. Undirected graphs are treated symmetrically: every tie is read as two arcs (as
    /// `sna` does with a symmetric matrix), so each brokered pair {a, c} counts twice, once per
    /// direction, and representative and gatekeeper counts coincide; the null model then treats the
    /// two arcs of a tie as independent, which understates the variance (z-scores of undirected
    /// networks run large: read them as a ranking, not as a test). Nodes whose group is unknown
    /// (`nil`) form one further group, "unknown", in counts and moments alike, as an `NA` class would
    /// in `sna`. Self-loops and repeated ties are ignored.
    /// - Complexity: O(Σ over arcs a → b of (outdeg(a) + outdeg(b))) time after building sorted
    ///   adjacency lists (O(m log Δ)); O(n + m) memory.
    public func brokerage(groups: [String?]) throws(MetricError) -> Brokerage {
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        let n = nodeCount
        let successors = SimpleAdjacency(self, incoming: false)
        let predecessors = SimpleAdjacency(self, incoming: true)
        // Dense group ids in first-appearance order; unknown (nil) is one group of its own.
        var groupID: [String?: Int] = [:]
        let group = groups.map { g -> Int in
            if let id = groupID[g] { return id }
            groupID[g] = groupID.count
            return groupID.count - 1
        }
        var counts = [[Double]](repeating: [Double](repeating: 0, count: n), count: 6)
        var isSuccessorOfA = [Bool](repeating: false, count: n)
        for b in 0..<n {
            for i in predecessors.offsets[b]..<predecessors.offsets[b + 1] {
                let a = Int(predecessors.neighbors[i])
                for k in successors.offsets[a]..<successors.offsets[a + 1] { isSuccessorOfA[Int(successors.neighbors[k])] = true }
                for k in successors.offsets[b]..<successors.offsets[b + 1] {
                    let c = Int(successors.neighbors[k])
                    guard c != a, !isSuccessorOfA[c] else { continue }
                    let role: Int
                    if group[a] == group[b] {
                        role = group[b] == group[c] ? 0 : 2
                    } else if group[b] == group[c] {
                        role = 3
                    } else if group[a] == group[c] {
                        role = 1
                    } else {
                        role = 4
                    }
                    counts[role][b] += 1
                    counts[5][b] += 1
                }
                for k in successors.offsets[a]..<successors.offsets[a + 1] { isSuccessorOfA[Int(successors.neighbors[k])] = false }
            }
        }
        // Null model moments (sna::brokerage), by the broker's group.
        let N = Double(n)
        let arcs = Double(successors.neighbors.count)
        let d = n > 1 ? arcs / (N * (N - 1)) : .nan
        let sizes: [Double] = {
            var s = [Double](repeating: 0, count: groupID.count)
            for g in group { s[g] += 1 }
            return s
        }()
        let p = d * d * (1 - d), q = d * d * d * (1 - d) * (1 - d) * (1 - d)
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        var groupExpected = [[Double]](repeating: [Double](repeating: .nan, count: 6), count: sizes.count)
        var groupVariance = groupExpected
        for (i, ni) in sizes.enumerated() {
            let others = sizes.enumerated().filter { $0.offset != i }.map(\.element)
            var e = [Double](repeating: 0, count: 6), v = e
            e[0] = p * (ni - 1) * (ni - 2)
            v[0] = e[0] * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q
            e[1] = p * others.reduce(0) { $0 + $1 * ($1 - 1) }
            v[1] = e[1] * (1 - p) + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * q
            e[2] = p * (N - ni) * (ni - 1)
            v[2] = e[2] * (1 - p) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * q
            e[3] = e[2]
            v[3] = v[2]
            let sumOthers = others.reduce(0, +)
            e[4] = p * (sumOthers * sumOthers - others.reduce(0) { $0 + $1 * $1 })
            v[4] = e[4] * (1 - p) + 4 * others.reduce(0) { $0 + $1 * choose2(N - $1 - ni) * q }
            e[5] = p * (N - 1) * (N - 2)
            v[5] = e[5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q
            groupExpected[i] = e
            groupVariance[i] = v
        }
        var expected: [Brokerage.Role: [Double]] = [:], sd = expected, z = expected, raw = expected
        for (r, role) in Brokerage.Role.allCases.enumerated() {
            raw[role] = counts[r]
            expected[role] = (0..<n).map { groupExpected[group[$0]][r] }
            sd[role] = (0..<n).map { groupVariance[group[$0]][r].squareRoot() }
            z[role] = (0..<n).map { v in
                let s = sd[role]![v]
                return s > 0 ? (counts[r][v] - expected[role]![v]) / s : .nan
            }
        }
        let global = Self.networkBrokerageMoments(sizes: sizes, N: N, d: d)
        var networkCounts: [Brokerage.Role: Double] = [:], networkExpected = networkCounts, networkSD = networkCounts
        for (r, role) in Brokerage.Role.allCases.enumerated() {
            networkCounts[role] = counts[r].reduce(0, +)
            networkExpected[role] = global.expected[r]
            networkSD[role] = global.variance[r].squareRoot()
        }
        return Brokerage(counts: raw, expected: expected, standardDeviation: sd, zScore: z,
                         networkCounts: networkCounts, networkExpected: networkExpected,
                         networkStandardDeviation: networkSD)
    }

    /// Whole-network expectations and variances of the role counts (sna::brokerage's gli moments).
    static func networkBrokerageMoments(sizes n: [Double], N: Double, d: Double) -> (expected: [Double], variance: [Double]) {
        let p = d * d * (1 - d)
        let d3 = pow(d, 3) * pow(1 - d, 3), d4 = pow(d, 4) * pow(1 - d, 2), d5 = pow(d, 5) * (1 - d)
        var e = [Double](repeating: 0, count: 6), v = e
        e[0] = p * n.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
        v[0] = e[0] * (1 - p) + n.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) * ((4 * $1 - 10) * d3 - 4 * ($1 - 3) * d4 + ($1 - 3) * d5) }
        e[1] = p * n.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
        var outer = 0.0
        for x in n { for y in n { outer += x * y * (x - 1) * ((2 * x + 2 * y - 6) * d3 + (N - x - 1) * d5) } }
        v[1] = e[1] * (1 - p) + outer - n.reduce(0) { $0 + $1 * $1 * ($1 - 1) * ((4 * $1 - 6) * d3 + (N - $1 - 1) * d5) }
        e[2] = p * n.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
        v[2] = e[2] * (1 - p) + n.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) * ((N - 3) * d3 + ($1 - 2) * d5) }
        e[3] = e[2]
        v[3] = v[2]
        var liaison = 0.0
        for x in n { for y in n { liaison += x * y * (N - x - y) } }
        e[4] = p * (liaison - n.reduce(0) { $0 + $1 * $1 * (N - 2 * $1) })
        v[4] = e[4] * (1 - p)
        for i in n.indices {
            for j in n.indices where j != i {
                for k in n.indices where k != i && k != j {
                    let (ni, nj, nk) = (n[i], n[j], n[k])
                    v[4] += ni * nj * nk * ((4 * (N - nj) - 2 * (ni + nk + 1)) * d3 - (4 * (N - nk) - 2 * (ni + nj + 1)) * d4
                                            + (N - (ni + nk + 1)) * d5)
                }
            }
        }
        e[5] = p * N * (N - 1) * (N - 2)
        v[5] = e[5] * (1 - p) + N * (N - 1) * (N - 2) * ((4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5)
        return (e, v)
    }
}

import Foundation
