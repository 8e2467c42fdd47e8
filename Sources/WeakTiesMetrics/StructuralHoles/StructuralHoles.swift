import WeakTiesGraph

/// Burt's structural-hole measures of every node (Burt 1992; Borgatti 1997).
public struct StructuralHoles: Sendable, Equatable {
    /// Constraint `C_i = Σ_{j∈N(i)} c_ij`, `c_ij = (p_ij + Σ_{q∈N(i), q≠i,j} p_iq p_qj)²`.
    public let constraint: NodeScores
    /// Effective size: unweighted `N − 2t/N` (Borgatti); weighted `Σ_j (1 − Σ_{q≠i,j} p_iq m_jq)` (Burt).
    public let effectiveSize: NodeScores
    /// Effective size divided by the number of contacts N.
    public let efficiency: NodeScores
    /// Hierarchy `Σ_j r_j ln r_j / (N ln N)`, `r_j = c_ij / (C_i / N)`; NaN for N ≤ 1.
    public let hierarchy: NodeScores
    /// Ego-network density without ego: ties among the alters / `N(N−1)/2`; NaN for N < 2.
    public let egoDensity: NodeScores
}

/// Burt's structural-hole measures.
extension Graph {
    /// Constraint, effective size, efficiency, hierarchy and ego density of every node.
    ///
    /// On the simple undirected view (directions, self-loops ignored; parallel edges merged, their
    /// strengths summed). Weights: `.none` gives `a_ij = 1` for neighbours, so `p_ij = 1/N` and the
    /// values equal networkx's `constraint` / `effective_size` and igraph's `constraint`;
    /// `.strength` uses `p_ij = w_ij / Σ_k w_ik` and `m_jq = w_jq / max_k w_jk` (Burt's general form);
    /// `.distance` weights are inverted into strengths first. Isolates: NaN for every measure
    /// (no contacts). Hierarchy is 0 when all contacts constrain equally.
    /// - Complexity: O(Σ_i Σ_{j∈N(i)} deg(j)) time, O(n) extra memory.
    public func structuralHoles(weights: EdgeWeights = .none) throws(MetricError) -> StructuralHoles {
        let strengths = try weights.strengths(edgeCount: edgeCount)
        let simple = SimpleAdjacency(self, weights: strengths, undirectedView: true)
        let n = nodeCount
        var total = [Double](repeating: 0, count: n), maxWeight = [Double](repeating: 0, count: n)
        for v in 0..<n {
            for k in simple.offsets[v]..<simple.offsets[v + 1] {
                total[v] += simple.weights[k]
                maxWeight[v] = max(maxWeight[v], simple.weights[k])
            }
        }
        var pOfEgo = [Double](repeating: 0, count: n)  // p_iq for the current ego i, 0 elsewhere
        var constraint = [Double](repeating: .nan, count: n), effective = constraint, efficiency = constraint
        var hierarchy = constraint, density = constraint
        var local: [Double] = []
        for i in 0..<n {
            let contacts = simple.offsets[i]..<simple.offsets[i + 1]
            let N = contacts.count
            guard N > 0 else { continue }
            for k in contacts { pOfEgo[Int(simple.neighbors[k])] = simple.weights[k] / total[i] }
            local.removeAll(keepingCapacity: true)
            var tiesAmongAlters = 0
            var redundancy = 0.0
            for k in contacts {
                let j = Int(simple.neighbors[k])
                var indirect = 0.0
                for l in simple.offsets[j]..<simple.offsets[j + 1] {
                    let q = Int(simple.neighbors[l])
                    guard q != i, pOfEgo[q] > 0 else { continue }
                    tiesAmongAlters += 1
                    // p_iq · p_qj: q's share of its ties going to j.
                    indirect += pOfEgo[q] * (simple.weights[l] / total[q])
                    redundancy += pOfEgo[q] * (simple.weights[l] / maxWeight[j])
                }
                let c = pOfEgo[j] + indirect
                local.append(c * c)
            }
            let C = local.reduce(0, +)
            constraint[i] = C
            let Nd = Double(N)
            let pairs = tiesAmongAlters / 2
            effective[i] = strengths == nil ? Nd - 2 * Double(pairs) / Nd : Nd - redundancy
            efficiency[i] = effective[i] / Nd
            density[i] = N >= 2 ? Double(pairs) / (Nd * (Nd - 1) / 2) : .nan
            if N > 1 {
                let mean = C / Nd
                var sum = 0.0
                for c in local where c > 0 {
                    let r = c / mean
                    sum += r * log(r)
                }
                hierarchy[i] = sum / (Nd * log(Nd))
            }
            for k in contacts { pOfEgo[Int(simple.neighbors[k])] = 0 }
        }
        return StructuralHoles(
            constraint: NodeScores(constraint), effectiveSize: NodeScores(effective),
            efficiency: NodeScores(efficiency), hierarchy: NodeScores(hierarchy), egoDensity: NodeScores(density))
    }
}

import Foundation
