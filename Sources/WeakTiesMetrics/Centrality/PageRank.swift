import WeakTiesGraph

/// PageRank.
extension Graph {
    /// PageRank with damping `alpha` (default 0.85) and a uniform teleport vector; dangling nodes
    /// (no out-edges) spread their rank uniformly. Scores sum to 1.
    ///
    /// Unweighted: each of a node's edges (out-edges when directed) carries an equal share; an
    /// undirected edge is followed both ways, and parallel edges count each time. Power iteration until
    /// the L1 change is below `n · 1e-15` (at most 10,000 rounds), which matches a direct solve to
    /// about 1e-13. Empty graph: empty scores.
    /// - Throws: `MetricError.invalidParameter` unless 0 ≤ alpha < 1.
    /// - Complexity: O(n + m) per round.
    public func pageRank(alpha: Double = 0.85) throws(MetricError) -> NodeScores {
        guard alpha >= 0 && alpha < 1 else { throw .invalidParameter("PageRank damping must be at least 0 and below 1, not \(alpha)") }
        let n = nodeCount
        guard n > 0 else { return NodeScores([]) }
        let nd = Double(n)
        var x = [Double](repeating: 1 / nd, count: n)
        var next = [Double](repeating: 0, count: n)
        let a = Adjacency(self)
        let outDegree = (0..<n).map { Double(a.outOffsets[$0 + 1] - a.outOffsets[$0]) }
        for _ in 0..<10_000 {
            var dangling = 0.0
            for v in 0..<n where outDegree[v] == 0 { dangling += x[v] }
            let base = (1 - alpha) / nd + alpha * dangling / nd
            for v in 0..<n { next[v] = base }
            for v in 0..<n where outDegree[v] > 0 {
                let share = alpha * x[v] / outDegree[v]
                for i in a.outOffsets[v]..<a.outOffsets[v + 1] { next[Int(a.outNeighbors[i])] += share }
            }
            var change = 0.0
            for v in 0..<n { change += abs(next[v] - x[v]) }
            swap(&x, &next)
            if change < nd * 1e-15 { break }
        }
        return NodeScores(x)
    }
}
