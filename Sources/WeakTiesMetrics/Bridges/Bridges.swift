import WeakTiesGraph

/// Bridges and local bridges with their span (directions ignored).
extension Graph {
    /// Bridges: edges whose removal increases the number of connected components (directions ignored).
    ///
    /// Tarjan's low-link method with an explicit stack (no recursion: a 1M-node path is fine). A pair
    /// joined by two parallel edges has no bridge between them; self-loops are never bridges.
    /// Returns edge ids in ascending order.
    /// - Complexity: O(n + m) time and memory.
    public func bridges() -> [Int32] {
        let n = nodeCount
        var discovery = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var isBridge = [Bool](repeating: false, count: edgeCount)
        var time: Int32 = 0
        // Frame: node, the edge we arrived by, next adjacency position (out then in, for directed graphs).
        var stack: [(node: Int32, via: Int32, next: Int)] = []
        let a = Adjacency(self)
        let undirectedDegree: (Int) -> Int = { v in
            a.isDirected ? (a.outOffsets[v + 1] - a.outOffsets[v]) + (a.inOffsets[v + 1] - a.inOffsets[v]) : a.outOffsets[v + 1] - a.outOffsets[v]
        }
        func neighbor(_ v: Int, _ k: Int) -> (Int32, Int32) {
            let outCount = a.outOffsets[v + 1] - a.outOffsets[v]
            if k < outCount { return (a.outNeighbors[a.outOffsets[v] + k], a.outEdges[a.outOffsets[v] + k]) }
            let i = a.inOffsets[v] + k - outCount
            return (a.inNeighbors[i], a.inEdges[i])
        }
        for root in 0..<n where discovery[root] < 0 {
            discovery[root] = time; low[root] = time; time += 1
            stack.append((Int32(root), -1, 0))
            while let top = stack.last {
                let v = Int(top.node)
                if top.next < undirectedDegree(v) {
                    stack[stack.count - 1].next += 1
                    let (w32, e) = neighbor(v, top.next)
                    let w = Int(w32)
                    if e == top.via || w == v { continue }
                    if discovery[w] < 0 {
                        discovery[w] = time; low[w] = time; time += 1
                        stack.append((w32, e, 0))
                    } else {
                        low[v] = min(low[v], discovery[w])
                    }
                    continue
                }
                stack.removeLast()
                if let parent = stack.last {
                    let p = Int(parent.node)
                    low[p] = min(low[p], low[v])
                    if low[v] > discovery[p] { isBridge[Int(top.via)] = true }
                }
            }
        }
        return (0..<Int32(edgeCount)).filter { isBridge[Int($0)] }
    }

    /// Local bridges: edges whose ends have no common neighbour, with their span — the distance
    /// between the ends once the edge is removed (`.infinity` when that disconnects them: then the
    /// edge is also a bridge). Directions ignored; self-loops are never local bridges; a pair joined by
    /// parallel edges has span 1.
    ///
    /// Bridges are found first (one linear pass) and get span ∞ without a search; every other local
    /// bridge lies on a cycle, and its span comes from a bidirectional breadth-first search that always
    /// expands the smaller frontier and stops at the first meeting, so short spans in large graphs
    /// cost little. Returns `(edge, span)` in ascending edge order.
    /// - Complexity: O(n + m + Σ_v deg(v)²) for bridges and the common-neighbour test, plus one
    ///   bidirectional search per local bridge that is not a bridge (O(n + m) worst case each).
    public func localBridges() -> [(edge: Int32, span: Double)] {
        let simple = SimpleAdjacency(self, undirectedView: true)
        let n = nodeCount
        var mark = [Int32](repeating: -1, count: n)
        var search = BidirectionalSearch(nodeCount: n)
        var multiplicity: [UInt64: Int] = [:]
        for e in 0..<edgeCount where edgeSources[e] != edgeTargets[e] {
            multiplicity[Self.pairKey(edgeSources[e], edgeTargets[e]), default: 0] += 1
        }
        var isBridge = [Bool](repeating: false, count: edgeCount)
        for e in bridges() { isBridge[Int(e)] = true }
        var result: [(Int32, Double)] = []
        for e in 0..<edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            if u == v { continue }
            for k in simple.offsets[u]..<simple.offsets[u + 1] { mark[Int(simple.neighbors[k])] = Int32(e) }
            var common = false
            for k in simple.offsets[v]..<simple.offsets[v + 1] where mark[Int(simple.neighbors[k])] == Int32(e) {
                common = true
                break
            }
            if common { continue }
            if multiplicity[Self.pairKey(Int32(u), Int32(v))]! > 1 {
                result.append((Int32(e), 1))
                continue
            }
            if isBridge[e] {
                result.append((Int32(e), .infinity))
                continue
            }
            result.append((Int32(e), search.distance(simple, from: u, to: v)))
        }
        return result
    }

    static func pairKey(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
    }
}

/// Bidirectional BFS between the ends of a removed edge, with scratch reused across calls.
struct BidirectionalSearch {
    var side: [Int8]      // 0 unvisited, 1 from u, 2 from v
    var depth: [Int32]
    var touched: [Int32] = []
    var frontiers: ([Int32], [Int32]) = ([], [])

    init(nodeCount n: Int) {
        side = [Int8](repeating: 0, count: n)
        depth = [Int32](repeating: 0, count: n)
    }

    /// Hops from u to v in `simple` without the direct u–v link; `.infinity` if unreachable.
    mutating func distance(_ simple: SimpleAdjacency, from u: Int, to v: Int) -> Double {
        defer {
            for t in touched { side[Int(t)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        side[u] = 1; depth[u] = 0; touched.append(Int32(u))
        side[v] = 2; depth[v] = 0; touched.append(Int32(v))
        var a: [Int32] = [Int32(u)], b: [Int32] = [Int32(v)]
        var next: [Int32] = []
        var best = Int32.max
        while !a.isEmpty && !b.isEmpty {
            // Expand the smaller frontier by one level.
            let expandA = a.count <= b.count
            let frontier = expandA ? a : b
            let mine: Int8 = expandA ? 1 : 2, other: Int8 = expandA ? 2 : 1
            next.removeAll(keepingCapacity: true)
            for x32 in frontier {
                let x = Int(x32)
                for k in simple.offsets[x]..<simple.offsets[x + 1] {
                    let y = Int(simple.neighbors[k])
                    // The removed edge itself.
                    if (x == u && y == v) || (x == v && y == u) { continue }
                    if side[y] == other {
                        best = min(best, depth[x] + 1 + depth[y])
                    } else if side[y] == 0 {
                        side[y] = mine; depth[y] = depth[x] + 1
                        touched.append(Int32(y)); next.append(Int32(y))
                    }
                }
            }
            if best != Int32.max { return Double(best) }
            if expandA { a = next } else { b = next }
        }
        return .infinity
    }
}
