import WeakTiesGraph

/// A partition into communities with its modularity.
public struct Communities: Sendable, Equatable {
    /// Community of each node, numbered in order of each community's smallest node index.
    public let communityOfNode: [Int32]
    /// Newman–Girvan modularity of the partition (with the resolution used).
    public let modularity: Double
    /// Number of communities.
    public var count: Int { Int((communityOfNode.max() ?? -1) + 1) }
}

/// Community detection (Louvain), modularity of a partition and each node's share of ties leaving
/// its community.
extension Graph {
    /// Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008), seeded.
    ///
    /// Maximises modularity `Q = Σ_c [Σ_in(c)/(2m) − γ (Σ_tot(c)/(2m))²]` by local moves in a
    /// seeded random node order (each node joins the neighbouring community with the largest gain; it
    /// stays where it is unless another community gains strictly more, and among other communities
    /// with equal gains the smallest id wins), then aggregates communities into nodes and repeats
    /// until nothing moves. Weights are strengths (`.strength`; `.distance` is inverted; `.none` counts
    /// 1 per tie). Directions are ignored; self-loops count once. Isolates form their own
    /// communities. A graph without ties has modularity NaN (m = 0).
    /// The same graph, weights, resolution and seed always give the same partition.
    /// - Complexity: about O(m) per pass, a few passes per level, O(log n) levels in practice.
    public func louvainCommunities(weights: EdgeWeights = .none, resolution: Double = 1, seed: UInt64 = 1) throws(MetricError) -> Communities {
        guard resolution > 0 && resolution.isFinite else { throw .invalidParameter("the Louvain resolution must be positive, not \(resolution)") }
        let strengths = try weights.strengths(edgeCount: edgeCount)
        let n = nodeCount
        // Level graph as weighted adjacency lists (self-loop weights kept separately).
        var adjacency: [[(Int, Double)]] = Array(repeating: [], count: n)
        var loops = [Double](repeating: 0, count: n)
        var totalWeight = 0.0
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e]), w = strengths?[e] ?? 1
            totalWeight += w
            if u == v { loops[u] += w } else { adjacency[u].append((v, w)); adjacency[v].append((u, w)) }
        }
        guard totalWeight > 0 else {
            return Communities(communityOfNode: (0..<Int32(n)).map { $0 }, modularity: .nan)
        }
        let m2 = 2 * totalWeight
        var membership = Array(0..<n)  // original node → current level node
        var rng = SplitMix64(seed: seed)
        while true {
            let count = adjacency.count
            let degree = (0..<count).map { v in adjacency[v].reduce(2 * loops[v]) { $0 + $1.1 } }
            var community = Array(0..<count)
            var total = degree
            var order = Array(0..<count)
            var i = count
            while i > 1 {
                let j = Int(rng.next() % UInt64(i))
                i -= 1
                order.swapAt(i, j)
            }
            var moved = false
            var linkTo = [Double](repeating: 0, count: count)
            var touched: [Int] = []
            var improved = true
            while improved {
                improved = false
                for v in order {
                    let own = community[v]
                    touched.removeAll(keepingCapacity: true)
                    for (w, weight) in adjacency[v] {
                        let c = community[w]
                        if linkTo[c] == 0 { touched.append(c) }
                        linkTo[c] += weight
                    }
                    total[own] -= degree[v]
                    let k = degree[v]
                    var best = own
                    var bestGain = linkTo[own] - resolution * total[own] * k / m2
                    for c in touched.sorted() where c != own {
                        let gain = linkTo[c] - resolution * total[c] * k / m2
                        if gain > bestGain + 1e-12 * max(1, abs(bestGain)) { best = c; bestGain = gain }
                    }
                    total[best] += k
                    for c in touched { linkTo[c] = 0 }
                    linkTo[own] = 0
                    if best != own {
                        community[v] = best
                        improved = true
                        moved = true
                    }
                }
            }
            // Renumber communities densely (by smallest level node), then aggregate.
            var renumber = [Int](repeating: -1, count: count)
            var next = 0
            for v in 0..<count where renumber[community[v]] < 0 { renumber[community[v]] = next; next += 1 }
            for v in 0..<n { membership[v] = renumber[community[membership[v]]] }
            if !moved || next == count { break }
            var aggregated: [[Int: Double]] = Array(repeating: [:], count: next)
            var newLoops = [Double](repeating: 0, count: next)
            for v in 0..<count {
                let cv = renumber[community[v]]
                newLoops[cv] += loops[v]
                for (w, weight) in adjacency[v] {
                    let cw = renumber[community[w]]
                    if cv == cw { newLoops[cv] += weight / 2 } else { aggregated[cv][cw, default: 0] += weight }
                }
            }
            adjacency = aggregated.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
            loops = newLoops
        }
        // Final numbering by smallest original node index.
        var relabel: [Int: Int32] = [:]
        let communityOfNode = membership.map { c -> Int32 in
            if let id = relabel[c] { return id }
            let id = Int32(relabel.count)
            relabel[c] = id
            return id
        }
        return Communities(communityOfNode: communityOfNode,
                           modularity: try modularity(of: communityOfNode, weights: weights, resolution: resolution))
    }

    /// Newman–Girvan modularity of a given partition (weights as strengths; directions ignored;
    /// a self-loop adds its weight once to its community's internal weight and twice to the degree).
    /// NaN for a graph without ties. - Complexity: O(n + m).
    public func modularity(of communityOfNode: [Int32], weights: EdgeWeights = .none, resolution: Double = 1) throws(MetricError) -> Double {
        guard communityOfNode.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: communityOfNode.count) }
        guard communityOfNode.allSatisfy({ $0 >= 0 }) else { throw .invalidParameter("community ids must not be negative") }
        guard resolution > 0 && resolution.isFinite else { throw .invalidParameter("the modularity resolution must be positive, not \(resolution)") }
        let strengths = try weights.strengths(edgeCount: edgeCount)
        let k = Int(communityOfNode.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: k), total = inside
        var m = 0.0
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e]), w = strengths?[e] ?? 1
            m += w
            let cu = Int(communityOfNode[u]), cv = Int(communityOfNode[v])
            total[cu] += w
            total[cv] += w
            if cu == cv { inside[cu] += w }
        }
        guard m > 0 else { return .nan }
        return (0..<k).reduce(0) { $0 + inside[$1] / m - resolution * pow(total[$1] / (2 * m), 2) }
    }

    /// Each node's share of ties that leave its community (self-loops left out); NaN for isolates.
    public func communityExternalShare(_ communityOfNode: [Int32]) throws(MetricError) -> NodeScores {
        guard communityOfNode.count == nodeCount else { throw .attributeCount(expected: nodeCount, actual: communityOfNode.count) }
        var leaving = [Int](repeating: 0, count: nodeCount), all = leaving
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            guard u != v else { continue }
            let external = communityOfNode[u] != communityOfNode[v]
            all[u] += 1; all[v] += 1
            if external { leaving[u] += 1; leaving[v] += 1 }
        }
        return NodeScores((0..<nodeCount).map { all[$0] == 0 ? .nan : Double(leaving[$0]) / Double(all[$0]) })
    }
}

import Foundation
