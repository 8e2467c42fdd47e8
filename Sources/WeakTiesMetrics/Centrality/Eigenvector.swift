import WeakTiesGraph

/// Eigenvector centrality.
extension Graph {
    /// Eigenvector centrality: the principal eigenvector of the 0/1 adjacency matrix (weights and edge
    /// multiplicity ignored), non-negative, with unit Euclidean norm (as networkx's
    /// `eigenvector_centrality_numpy`; igraph scales to max 1 — same vector, other scale).
    ///
    /// Computed by power iteration on `A + I` (the shift keeps bipartite graphs from oscillating)
    /// from the uniform vector, until no entry changes by more than 1e-15 (at most 100,000 rounds).
    /// Where it has not converged by then (e.g. a directed acyclic graph, whose adjacency matrix has
    /// no positive eigenvalue) every value is NaN rather than an approximation.
    /// Directed graphs use in-links (a node is central when central nodes point to it).
    /// Disconnected graphs: the vector concentrates on the component with the largest eigenvalue, the
    /// others tend to 0; where several components share that eigenvalue the eigenvector is not unique
    /// and the result is the limit from the uniform start. A graph without edges gives NaN everywhere
    /// (every vector is an eigenvector); the empty graph gives empty scores.
    /// - Complexity: O(m) per round.
    public func eigenvectorCentrality() -> NodeScores {
        let n = nodeCount
        guard n > 0 else { return NodeScores([]) }
        let simple = SimpleAdjacency(self, incoming: true)
        guard simple.neighbors.count > 0 else { return NodeScores(Array(repeating: .nan, count: n)) }
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var next = [Double](repeating: 0, count: n)
        var converged = false
        for _ in 0..<100_000 {
            var norm = 0.0
            for v in 0..<n {
                var sum = x[v]
                for i in simple.offsets[v]..<simple.offsets[v + 1] { sum += x[Int(simple.neighbors[i])] }
                next[v] = sum
                norm += sum * sum
            }
            norm = norm.squareRoot()
            var change = 0.0
            for v in 0..<n {
                next[v] /= norm
                change = max(change, abs(next[v] - x[v]))
            }
            swap(&x, &next)
            if change < 1e-15 {
                converged = true
                break
            }
        }
        return NodeScores(converged ? x : Array(repeating: .nan, count: n))
    }
}

/// Adjacency without self-loops and without repeated neighbours (sorted per node), for metrics defined
/// on simple graphs. `incoming`: for directed graphs, list predecessors instead of successors;
/// undirected graphs list neighbours either way. `weights` (optional, per edge) are summed over
/// parallel edges.
struct SimpleAdjacency {
    var offsets: [Int]
    var neighbors: [Int32]
    var weights: [Double]

    init(_ g: Graph, incoming: Bool = false, weights edgeWeights: [Double]? = nil, undirectedView: Bool = false) {
        let n = g.nodeCount
        offsets = [0]
        offsets.reserveCapacity(n + 1)
        neighbors = []
        weights = []
        var seen = [Int](repeating: -1, count: n)
        var list: [(Int32, Double)] = []
        // Neighbours read through the edge ends: one pass, no neighbour column to build first.
        let sources = g.edgeSources, targets = g.edgeTargets
        for v in 0..<n {
            list.removeAll(keepingCapacity: true)
            func add(_ offsets: [Int32], _ edges: [Int32], neighborEnd: Int) {
                for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let e = Int(edges[i])
                    // neighborEnd: 0 the other end (undirected), 1 the target, 2 the source.
                    let w = neighborEnd == 1 ? Int(targets[e]) : neighborEnd == 2 ? Int(sources[e])
                        : (Int(sources[e]) == v ? Int(targets[e]) : Int(sources[e]))
                    if w == v { continue }
                    let weight = edgeWeights?[e] ?? 1
                    if seen[w] >= 0 {
                        list[seen[w]].1 += edgeWeights == nil ? 0 : weight
                    } else {
                        seen[w] = list.count
                        list.append((Int32(w), weight))
                    }
                }
            }
            if !g.isDirected {
                add(g.outOffsets, g.outEdges, neighborEnd: 0)
            } else {
                if !incoming || undirectedView { add(g.outOffsets, g.outEdges, neighborEnd: 1) }
                if incoming || undirectedView { add(g.inOffsets, g.inEdges, neighborEnd: 2) }
            }
            list.sort { $0.0 < $1.0 }
            for (w, weight) in list {
                neighbors.append(w)
                weights.append(weight)
                seen[Int(w)] = -1
            }
            offsets.append(neighbors.count)
        }
    }

    func degree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }
}
