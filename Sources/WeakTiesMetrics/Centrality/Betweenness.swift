import WeakTiesGraph

/// Options for shortest-path betweenness.
public struct BetweennessOptions: Sendable, Equatable {
    /// Edge weights: `.none` (hops), `.distance` (lengths) or `.strength` (length = 1/strength).
    public var weights: EdgeWeights
    /// Divide by the number of pairs not containing the node (see `betweenness`).
    public var normalized: Bool
    /// Worker threads (blocks of 256 sources are shared out among them; the result has the same bits on
    /// any number of threads); default: all cores.
    public var threads: Int
    /// Estimate from this many sources drawn uniformly without replacement (Brandes & Pich 2007),
    /// scaled by n/K: an unbiased estimator for graphs too large for the exact sum. `nil`: exact.
    public var sampleSources: Int?
    /// Seed of the source sample.
    public var seed: UInt64
    /// Also accumulate edge betweenness (costs one more random write per predecessor); when false,
    /// `edges` holds zeros.
    public var edgeScores: Bool
    /// Also closeness and harmonic centrality from the same traversals (`BetweennessResult.closeness`,
    /// the same values as `Graph.closeness`), where they are exact and unweighted; otherwise ignored.
    /// A report needs both: one breadth-first search per source instead of two (1.7 of the regional
    /// model's CPU seconds).
    public var closeness: Bool

    /// Options with the given settings; the defaults give exact, unweighted, raw (not normalised)
    /// node and edge betweenness on all cores.
    public init(weights: EdgeWeights = .none, normalized: Bool = false, threads: Int = availableCores,
                sampleSources: Int? = nil, seed: UInt64 = 1, edgeScores: Bool = true, closeness: Bool = false) {
        self.weights = weights
        self.normalized = normalized
        self.threads = threads
        self.sampleSources = sampleSources
        self.seed = seed
        self.edgeScores = edgeScores
        self.closeness = closeness
    }
}

/// Node and edge betweenness from one Brandes run.
public struct BetweennessResult: Sendable, Equatable {
    /// Node betweenness, raw or normalised as the options asked (see `Graph.betweenness`); never NaN.
    public let nodes: NodeScores
    /// Edge betweenness on the same scale; zeros for an unweighted run with `edgeScores` false.
    public let edges: EdgeScores
    /// Closeness and harmonic centrality where `BetweennessOptions.closeness` asked for them and the run
    /// was exact and unweighted; nil otherwise.
    public var closeness: ClosenessResult? = nil

    /// The result with these node and edge scores and no closeness.
    public init(nodes: NodeScores, edges: EdgeScores) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// Shortest-path (Brandes) betweenness of nodes and edges.
extension Graph {
    /// Shortest-path betweenness centrality of every node and edge (Brandes 2001).
    ///
    /// `b(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`, where `σ_st` counts shortest s–t paths and `σ_st(v)`
    /// those through v; endpoints are excluded. Undirected graphs count each unordered pair once
    /// (as networkx and igraph do). Edge betweenness is the same sum over paths through the edge.
    ///
    /// Normalisation (`normalized: true`): node scores are divided by `(n−1)(n−2)/2` undirected,
    /// `(n−1)(n−2)` directed (the pairs not containing v; 0 when n ≤ 2); edge scores by `n(n−1)/2`
    /// undirected, `n(n−1)` directed.
    ///
    /// Weights: `.distance` lengths or `.strength` (length 1/strength); ties between equal-length
    /// paths are detected with a relative tolerance of 1e-12. Isolates and unreachable pairs add 0.
    /// Self-loops never lie on shortest paths. Empty graph: empty scores.
    /// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted; O(n + m) memory per thread.
    ///   Parallel over sources; the per-thread sums are added in thread order, so a given thread
    ///   count always gives the same bits.
    public func betweenness(_ options: BetweennessOptions = BetweennessOptions()) throws(MetricError) -> BetweennessResult {
        let n = nodeCount, m = edgeCount
        let lengths = try options.weights.lengths(edgeCount: m)
        let directed = isDirected
        // Traversals run on a copy numbered by decreasing degree; scores are mapped back at the end.
        let (adjacency, original) = Adjacency(self).renumberedByDegree()
        var sources: [Int32]? = nil
        var sampleScale = 1.0
        if let k = options.sampleSources, k < n {
            guard k >= 1 else { throw .invalidParameter("betweenness needs at least 1 sampled source") }
            // Partial Fisher–Yates with a seeded generator, then sorted for a stable work split.
            var all = (0..<Int32(n)).map { $0 }
            var rng = SplitMix64(seed: options.seed)
            for i in 0..<k { all.swapAt(i, i + Int(rng.next() % UInt64(n - i))) }
            var renumbered = [Int32](repeating: 0, count: n)
            for (new, old) in original.enumerated() { renumbered[Int(old)] = Int32(new) }
            sources = all[0..<k].map { renumbered[Int($0)] }.sorted()
            sampleScale = Double(n) / Double(k)
        }
        let withCloseness = options.closeness && lengths == nil && sources == nil
        // Each source's closeness is written by one block (0 in the others), so the sum keeps it.
        let total = forEachSource(self, threads: options.threads, sources: sources,
                                  makePartial: { ([Double](repeating: 0, count: n), [Double](repeating: 0, count: m),
                                                  withCloseness ? [Double](repeating: 0, count: n) : [],
                                                  withCloseness ? [Double](repeating: 0, count: n) : []) },
                                  combine: { total, p in
                                      for v in 0..<n { total.0[v] += p.0[v] }
                                      for e in 0..<m { total.1[e] += p.1[e] }
                                      for v in 0..<total.2.count { total.2[v] += p.2[v]; total.3[v] += p.3[v] }
                                  }) {
            scratch, s, partial in
            if let lengths {
                scratch.dijkstra(adjacency, from: s, lengths: lengths)
                accumulate(adjacency, &scratch, source: s, lengths: lengths, into: &partial.0, &partial.1)
            } else {
                scratch.breadthFirst(adjacency, from: s)
                if withCloseness {
                    let sums = hopSums(scratch.order, scratch.hops, source: s)
                    partial.2[Int(s)] = closenessValue(reached: sums.reached, total: sums.total, nodeCount: n)
                    partial.3[Int(s)] = sums.inverse
                }
                accumulateHops(adjacency, &scratch, source: s, edges: options.edgeScores, into: &partial.0, &partial.1)
            }
        }
        let nodeScores = total.0, edgeScores = total.1
        var closeness: ClosenessResult?
        if withCloseness {
            var c = [Double](repeating: 0, count: n), h = [Double](repeating: 0, count: n)
            for new in 0..<n {
                c[Int(original[new])] = total.2[new]
                h[Int(original[new])] = total.3[new]
            }
            closeness = ClosenessResult(closeness: NodeScores(c), harmonic: NodeScores(h))
        }
        // Undirected sums counted every pair from both ends, so raw scores take half of them; the
        // normalised scores divide the raw ones by half as many pairs as the directed case, which
        // leaves the same factor for both: 1/((n−1)(n−2)) for nodes, 1/(n(n−1)) for edges.
        let scale = (directed ? 1.0 : 0.5) * sampleScale
        var scores = [Double](repeating: 0, count: n)
        for (new, old) in original.enumerated() { scores[Int(old)] = nodeScores[new] * scale }
        let raw = BetweennessResult(nodes: NodeScores(scores), edges: EdgeScores(edgeScores.map { $0 * scale }))
        var result = options.normalized ? raw.normalized(nodeCount: n, directed: directed) : raw
        result.closeness = closeness
        return result
    }

    /// The unweighted backward pass on raw buffers (the hot loop of exact betweenness), pulled
    /// rather than pushed, level by level: with `c(w) = (1 + δ(w)) / σ(w)`, a node's dependency is
    /// `δ(v) = σ(v) · Σ c(w)` over its successors w (out-neighbours one hop further from the source),
    /// and `c(v) = 1/σ(v) + Σ c(w)`. The visit order is sorted by distance, so it is walked backwards
    /// one level at a time with two buffers: while level L is computed, `read` holds the `c` of
    /// level L+1 and zero everywhere else, so the sum runs over all out-neighbours without testing
    /// distances (one random load per edge instead of two, no branch); L's values go to `write`,
    /// then level L+1 is cleared and the buffers swap. Both buffers are all zero again at the end.
    /// Each node writes only its own entries and divides once. Edge scores: `σ(v) · c(w)` on v→w.
    private func accumulateHops(_ a: Adjacency, _ scratch: inout ShortestPathScratch, source: Int32, edges: Bool,
                                into nodeScores: inout [Double], _ edgeScores: inout [Double]) {
        let order = scratch.order
        guard order.count > 1 else { return }
        a.outOffsets.withUnsafeBufferPointer { offsets in
            a.outNeighbors.withUnsafeBufferPointer { neighbors in
                a.outEdges.withUnsafeBufferPointer { edgeIDs in
                    scratch.hops.withUnsafeBufferPointer { hops in
                        scratch.sigma.withUnsafeBufferPointer { sigma in
                            scratch.delta.withUnsafeMutableBufferPointer { first in
                                scratch.levelCoefficient.withUnsafeMutableBufferPointer { second in
                                    nodeScores.withUnsafeMutableBufferPointer { nodeSums in
                                        edgeScores.withUnsafeMutableBufferPointer { edgeSums in
                                            order.withUnsafeBufferPointer { order in
                                                var read = first, write = second
                                                var k = order.count - 1
                                                var previous = k + 1 ..< k + 1  // the level held by `read`
                                                while k > 0 {  // order[0] is the source: it lies on no path it starts
                                                    let level = hops[Int(order[k])]
                                                    var start = k
                                                    while start > 1 && hops[Int(order[start - 1])] == level { start -= 1 }
                                                    for j in stride(from: k, through: start, by: -1) {
                                                        let v = Int(order[j])
                                                        var sum = 0.0
                                                        if edges {
                                                            let sv = sigma[v]
                                                            for i in offsets[v]..<offsets[v + 1] {
                                                                let cw = read[Int(neighbors[i])]
                                                                sum += cw
                                                                edgeSums[Int(edgeIDs[i])] += sv * cw
                                                            }
                                                        } else {
                                                            for i in offsets[v]..<offsets[v + 1] { sum += read[Int(neighbors[i])] }
                                                        }
                                                        nodeSums[v] += sigma[v] * sum
                                                        write[v] = 1 / sigma[v] + sum
                                                    }
                                                    for j in previous { read[Int(order[j])] = 0 }
                                                    previous = start ..< k + 1
                                                    swap(&read, &write)
                                                    k = start - 1
                                                }
                                                if edges {  // the source's own edges (σ = 1)
                                                    let v = Int(order[0])
                                                    for i in offsets[v]..<offsets[v + 1] { edgeSums[Int(edgeIDs[i])] += read[Int(neighbors[i])] }
                                                }
                                                for j in previous { read[Int(order[j])] = 0 }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Brandes' backward pass without predecessor lists: a predecessor of w is an in-neighbour v with
    /// d(v) + len(v, w) = d(w).
    private func accumulate(_ a: Adjacency, _ scratch: inout ShortestPathScratch, source: Int32, lengths: [Double]?,
                            into nodeScores: inout [Double], _ edgeScores: inout [Double]) {
        for w32 in scratch.order.reversed() {
            let w = Int(w32)
            let coefficient = (1 + scratch.delta[w]) / scratch.sigma[w]
            for i in a.inOffsets[w]..<a.inOffsets[w + 1] {
                let v = Int(a.inNeighbors[i])
                let onPath: Bool
                if let lengths {
                    onPath = scratch.distance[v].isFinite && v != w
                        && ShortestPathScratch.sameLength(scratch.distance[v] + lengths[Int(a.inEdges[i])], scratch.distance[w])
                } else {
                    onPath = scratch.hops[v] >= 0 && scratch.hops[v] + 1 == scratch.hops[w]
                }
                guard onPath else { continue }
                let share = scratch.sigma[v] * coefficient
                scratch.delta[v] += share
                edgeScores[Int(a.inEdges[i])] += share
            }
            if w32 != source { nodeScores[w] += scratch.delta[w] }
        }
    }
}

extension BetweennessResult {
    /// The scores normalised; the one place of this normalisation (`normalized: true` applies it).
    /// Undirected: node scores times `2/((n−1)(n−2))` (over the unordered pairs of other nodes; 0 for
    /// n ≤ 2, where no pair has an intermediary, as networkx), edge scores times `2/(n(n−1))` (0 for
    /// n ≤ 1). Directed: the same without the factor 2 (ordered pairs).
    public func normalized(nodeCount n: Int, directed: Bool = false) -> BetweennessResult {
        let nd = Double(n), pairs = directed ? 1.0 : 2.0
        return BetweennessResult(
            nodes: NodeScores(nodes.values.map { n > 2 ? $0 * pairs / ((nd - 1) * (nd - 2)) : 0 }),
            edges: EdgeScores(edges.values.map { n > 1 ? $0 * pairs / (nd * (nd - 1)) : 0 }))
    }
}
