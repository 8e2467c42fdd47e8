import WeakTiesGraph

/// Degree, in-degree, degree centrality and strength (weighted degree).
extension Graph {
    /// Degree: the number of edge ends at each node (directed: out-degree; a self-loop counts 2 when
    /// undirected). Multi-edges count once each. - Complexity: O(n).
    public func degree() -> NodeScores {
        NodeScores((0..<nodeCount).map { Double(degree(of: Int32($0))) })
    }

    /// In-degree (undirected: degree). - Complexity: O(n).
    public func inDegreeScores() -> NodeScores {
        NodeScores((0..<nodeCount).map { Double(inDegree(of: Int32($0))) })
    }

    /// Degree centrality `degree / (n − 1)`; for n ≤ 1 every value is NaN (no other node exists).
    /// - Complexity: O(n).
    public func degreeCentrality() -> NodeScores {
        let scale = nodeCount > 1 ? 1 / Double(nodeCount - 1) : .nan
        return NodeScores((0..<nodeCount).map { Double(degree(of: Int32($0))) * scale })
    }

    /// Strength (weighted degree): the sum of the weights of a node's edges, with weights read as
    /// strengths (`.distance` weights are inverted; `.none` gives the degree). - Complexity: O(m).
    public func strength(weights: EdgeWeights) throws(MetricError) -> NodeScores {
        guard let w = try weights.strengths(edgeCount: edgeCount) else { return degree() }
        var total = [Double](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            for i in outRange(of: v) { total[v] += w[Int(outEdges[i])] }
        }
        return NodeScores(total)
    }
}
