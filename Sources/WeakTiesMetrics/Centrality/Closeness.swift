import WeakTiesGraph

/// Closeness and harmonic centrality from one shortest-path search per node.
public struct ClosenessResult: Sendable, Equatable {
    /// Wasserman–Faust closeness: `(r/(n−1)) · r / Σ d(v,u)` over the r nodes reachable from v; equals
    /// `(n−1)/Σ d` on a connected graph. 0 for a node that reaches nobody (as networkx; igraph gives NaN).
    public let closeness: NodeScores
    /// Harmonic centrality `Σ_{u≠v} 1/d(v,u)` (1/∞ = 0), not normalised.
    public let harmonic: NodeScores
}

/// Closeness and harmonic centrality.
extension Graph {
    /// Closeness (Wasserman–Faust correction for disconnected graphs) and harmonic centrality.
    ///
    /// Distances follow out-edges (directed: distance *from* v). Weights: `.distance` lengths or
    /// `.strength` (length 1/strength); `.none` counts hops. Empty graph: empty scores; one node: 0.
    /// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted; parallel over sources.
    public func closeness(weights: EdgeWeights = .none, threads: Int = availableCores) throws(MetricError) -> ClosenessResult {
        let n = nodeCount
        let lengths = try weights.lengths(edgeCount: edgeCount)
        let adjacency = Adjacency(self)
        // Each source's values are written by one block (0 in the others), so the sum keeps them.
        let total = forEachSource(self, threads: threads,
                                  makePartial: { ([Double](repeating: 0, count: n), [Double](repeating: 0, count: n)) },
                                  combine: { total, p in
                                      for v in 0..<n { total.0[v] += p.0[v]; total.1[v] += p.1[v] }
                                  }) {
            scratch, s, partial in
            var total = 0.0, inverse = 0.0
            var reached = 0
            if let lengths {
                scratch.dijkstra(adjacency, from: s, lengths: lengths)
                for v in scratch.order where v != s {
                    let d = scratch.distance[Int(v)]
                    total += d; inverse += 1 / d; reached += 1
                }
            } else {
                scratch.breadthFirst(adjacency, from: s, pathCounts: false)
                (total, inverse, reached) = hopSums(scratch.order, scratch.hops, source: s)
            }
            partial.0[Int(s)] = closenessValue(reached: reached, total: total, nodeCount: n)
            partial.1[Int(s)] = inverse
        }
        return ClosenessResult(closeness: NodeScores(total.0), harmonic: NodeScores(total.1))
    }
}

/// Σ d, Σ 1/d and the number of nodes reached over a breadth-first visit `order` from `source` (sorted
/// by hops, as `ShortestPathScratch.breadthFirst` leaves it). The harmonic sum adds count/d once per
/// level, so it depends on the graph only, not on the visit order within a level: closeness and
/// betweenness, whose traversals visit a level in different orders, give the same bits.
func hopSums(_ order: [Int32], _ hops: [Int32], source: Int32) -> (total: Double, inverse: Double, reached: Int) {
    var total = 0.0, inverse = 0.0, reached = 0
    var level: Int32 = 0, count = 0
    for v in order where v != source {
        let d = hops[Int(v)]
        if d != level {
            if count > 0 { inverse += Double(count) / Double(level) }
            level = d
            count = 0
        }
        count += 1
        total += Double(d)
        reached += 1
    }
    if count > 0 { inverse += Double(count) / Double(level) }
    return (total, inverse, reached)
}

/// Wasserman–Faust closeness from the sum of distances to the `reached` nodes (0 when none).
func closenessValue(reached: Int, total: Double, nodeCount n: Int) -> Double {
    let r = Double(reached)
    return reached == 0 || n < 2 ? 0 : (r / Double(n - 1)) * (r / total)
}
