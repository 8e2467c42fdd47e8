import WeakTiesGraph

/// k-core decomposition.
extension Graph {
    /// k-core number of every node: the largest k such that the node belongs to a subgraph in which
    /// every node has at least k neighbours (Batagelj & Zaversnik 2003, bucket peeling).
    ///
    /// Uses the simple undirected view (directions, self-loops and repeated edges ignored). Isolates: 0.
    /// - Complexity: O(n + m).
    public func coreNumber() -> NodeScores {
        let simple = SimpleAdjacency(self, undirectedView: true)
        let n = nodeCount
        guard n > 0 else { return NodeScores([]) }
        var degree = (0..<n).map { simple.degree($0) }
        let maxDegree = degree.max() ?? 0
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var order = [Int](repeating: 0, count: n)
        var next = binStart
        for v in 0..<n {
            position[v] = next[degree[v]]
            order[position[v]] = v
            next[degree[v]] += 1
        }
        for i in 0..<n {
            let v = order[i]
            for k in simple.offsets[v]..<simple.offsets[v + 1] {
                let u = Int(simple.neighbors[k])
                if degree[u] > degree[v] {
                    // Move u to the front of its bin, then shrink its degree by one.
                    let du = degree[u], pu = position[u], pw = binStart[du], w = order[pw]
                    if u != w {
                        order[pu] = w; position[w] = pu
                        order[pw] = u; position[u] = pw
                    }
                    binStart[du] += 1
                    degree[u] -= 1
                }
            }
        }
        return NodeScores(degree.map(Double.init))
    }
}
