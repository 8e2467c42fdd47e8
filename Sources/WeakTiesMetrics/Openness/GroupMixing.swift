import WeakTiesGraph

/// Mixing by a categorical node attribute: E-I indices (node, network, group), nominal
/// assortativity, Blau's index and weak-tie share.
extension Graph {
    /// Krackhardt–Stern E-I index of every node by a categorical attribute: `(E − I)/(E + I)` over the
    /// node's ties, E = ties to nodes of another group, I = ties within its own group. +1 all external,
    /// −1 all internal. NaN for isolates and for nodes whose group is unknown (`nil`); ties to alters
    /// of unknown group are left out. Directions ignored; self-loops left out; parallel edges count each.
    /// - Complexity: O(n + m).
    public func eiIndex(groups: [String?]) throws(MetricError) -> NodeScores {
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        var external = [Int](repeating: 0, count: nodeCount), internalTies = external
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            guard u != v, let gu = groups[u], let gv = groups[v] else { continue }
            if gu == gv { internalTies[u] += 1; internalTies[v] += 1 } else { external[u] += 1; external[v] += 1 }
        }
        return NodeScores((0..<nodeCount).map { v in
            let total = external[v] + internalTies[v]
            return groups[v] == nil || total == 0 ? .nan : Double(external[v] - internalTies[v]) / Double(total)
        })
    }

    /// Whole-network E-I index: `(E − I)/(E + I)` over all ties whose ends both have a known group;
    /// NaN when there is none. - Complexity: O(m).
    public func networkEIIndex(groups: [String?]) throws(MetricError) -> Double {
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        var external = 0, internalTies = 0
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            guard u != v, let gu = groups[u], let gv = groups[v] else { continue }
            if gu == gv { internalTies += 1 } else { external += 1 }
        }
        let total = external + internalTies
        return total == 0 ? .nan : Double(external - internalTies) / Double(total)
    }

    /// Group-level E-I index: for each group, `(E − I)/(E + I)` over the ties of its members, where
    /// E are ties to nodes of other groups and I ties inside the group (each internal tie counted once).
    /// Groups whose members have no tie to a node of known group are NaN. Sorted by group name.
    /// - Complexity: O(m + groups log groups).
    public func groupEIIndex(groups: [String?]) throws(MetricError) -> [(group: String, value: Double)] {
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        var external: [String: Int] = [:], internalTies: [String: Int] = [:]
        for g in groups.compactMap({ $0 }) { external[g] = 0; internalTies[g] = 0 }
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            guard u != v, let gu = groups[u], let gv = groups[v] else { continue }
            if gu == gv {
                internalTies[gu]! += 1
            } else {
                external[gu]! += 1
                external[gv]! += 1
            }
        }
        return external.keys.sorted().map { g in
            let e = external[g]!, i = internalTies[g]!
            return (g, e + i == 0 ? .nan : Double(e - i) / Double(e + i))
        }
    }

    /// Newman's nominal assortativity of a categorical attribute:
    /// `r = (Σ_g e_gg − Σ_g a_g b_g) / (1 − Σ_g a_g b_g)`, e the fraction of edge ends joining groups
    /// (undirected edges counted both ways). NaN when undefined (no edges, or all in one group).
    /// Edges with an end of unknown group and self-loops are left out (as in the E-I index).
    /// - Complexity: O(m + groups).
    public func nominalAssortativity(groups: [String?]) throws(MetricError) -> Double {
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        var same = 0.0, total = 0.0
        var fromGroup: [String: Double] = [:], toGroup: [String: Double] = [:]
        for e in 0..<edgeCount {
            guard edgeSources[e] != edgeTargets[e], let gu = groups[Int(edgeSources[e])], let gv = groups[Int(edgeTargets[e])]
            else { continue }
            let directions = isDirected ? [(gu, gv)] : [(gu, gv), (gv, gu)]
            for (a, b) in directions {
                total += 1
                if a == b { same += 1 }
                fromGroup[a, default: 0] += 1
                toGroup[b, default: 0] += 1
            }
        }
        guard total > 0 else { return .nan }
        var expected = 0.0
        for (g, a) in fromGroup.sorted(by: { $0.key < $1.key }) { expected += (a / total) * ((toGroup[g] ?? 0) / total) }
        return expected == 1 ? .nan : (same / total - expected) / (1 - expected)
    }

    /// Blau's heterogeneity of each node's alters: `1 − Σ_g p_g²` over the groups of its distinct
    /// neighbours (alters of unknown group left out); NaN for nodes without alters of known group.
    /// - Complexity: O(n + m).
    public func blauIndex(groups: [String?]) throws(MetricError) -> NodeScores {
        guard groups.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: groups.count) }
        let simple = SimpleAdjacency(self, undirectedView: true)
        return NodeScores((0..<nodeCount).map { v in
            var counts: [String: Int] = [:]
            for k in simple.offsets[v]..<simple.offsets[v + 1] {
                if let g = groups[Int(simple.neighbors[k])] { counts[g, default: 0] += 1 }
            }
            let total = Double(counts.values.reduce(0, +))
            guard total > 0 else { return .nan }
            return 1 - counts.keys.sorted().reduce(0) { $0 + pow(Double(counts[$1]!) / total, 2) }
        })
    }

    /// Share of each node's ties that are weak (`isWeak` per edge); NaN for isolates.
    /// - Complexity: O(n + m).
    public func weakTieShare(isWeak: [Bool]) throws(MetricError) -> NodeScores {
        guard isWeak.count == edgeCount else { throw .edgeValueCount(expected: edgeCount, actual: isWeak.count) }
        var weak = [Int](repeating: 0, count: nodeCount), all = weak
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            all[u] += 1
            if isWeak[e] { weak[u] += 1 }
            if u != v {
                all[v] += 1
                if isWeak[e] { weak[v] += 1 }
            }
        }
        return NodeScores((0..<nodeCount).map { all[$0] == 0 ? .nan : Double(weak[$0]) / Double(all[$0]) })
    }
}

import Foundation
