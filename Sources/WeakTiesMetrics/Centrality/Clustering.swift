import WeakTiesGraph

/// Local clustering of every node and the network's transitivity.
public struct ClusteringResult: Sendable, Equatable {
    /// Triangles through v divided by `k(k−1)/2` (k = number of distinct neighbours); 0 for k < 2,
    /// as networkx (`clustering`) and igraph (`transitivity_local_undirected(mode='zero')`).
    public let local: NodeScores
    /// Transitivity: 3 × triangles / connected triples; NaN when the graph has no connected triple.
    public let transitivity: Double
}

/// Local clustering coefficients and transitivity.
extension Graph {
    /// Local clustering coefficients and transitivity on the simple undirected view (directions,
    /// self-loops and repeated edges ignored). - Complexity: O(Σ_v deg(v)²) worst case, O(n) memory.
    public func clustering() -> ClusteringResult {
        let simple = SimpleAdjacency(self, undirectedView: true)
        let n = nodeCount
        var mark = [Bool](repeating: false, count: n)
        var local = [Double](repeating: 0, count: n)
        var triangles = 0.0, triples = 0.0
        for v in 0..<n {
            let k = simple.degree(v)
            guard k >= 2 else { continue }
            let range = simple.offsets[v]..<simple.offsets[v + 1]
            for i in range { mark[Int(simple.neighbors[i])] = true }
            var links = 0
            for i in range {
                let u = Int(simple.neighbors[i])
                for j in simple.offsets[u]..<simple.offsets[u + 1] where mark[Int(simple.neighbors[j])] { links += 1 }
            }
            for i in range { mark[Int(simple.neighbors[i])] = false }
            let t = Double(links) / 2  // each link between neighbours was seen from both ends
            let pairs = Double(k * (k - 1)) / 2
            local[v] = t / pairs
            triangles += t
            triples += pairs
        }
        return ClusteringResult(local: NodeScores(local), transitivity: triples > 0 ? triangles / triples : .nan)
    }
}
