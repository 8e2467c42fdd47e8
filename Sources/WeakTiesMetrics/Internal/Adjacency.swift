import WeakTiesGraph

/// A metric's working copy of a graph's adjacency with the neighbour of every entry written out and
/// `Int` offsets, for hot loops: the graph stores edge ids only (16 bytes per edge), and reading a
/// neighbour through the edge's ends costs a dependent load per step. Built once per metric call.
/// - Complexity: O(n + m) time; 4 bytes per adjacency entry plus 8 per node (twice when directed).
struct Adjacency {
    let isDirected: Bool
    let nodeCount: Int
    let outOffsets: [Int]
    let outNeighbors: [Int32]
    let outEdges: [Int32]
    let inOffsets: [Int]
    let inNeighbors: [Int32]
    let inEdges: [Int32]

    init(_ g: Graph) {
        isDirected = g.isDirected
        nodeCount = g.nodeCount
        outOffsets = g.outOffsets.map(Int.init)
        outNeighbors = g.neighborColumn()
        outEdges = g.outEdges
        if g.isDirected {
            inOffsets = g.inOffsets.map(Int.init)
            inNeighbors = g.neighborColumn(incoming: true)
            inEdges = g.inEdges
        } else {
            (inOffsets, inNeighbors, inEdges) = (outOffsets, outNeighbors, outEdges)
        }
    }

    private init(isDirected: Bool, nodeCount: Int, out: ([Int], [Int32], [Int32]), in incoming: ([Int], [Int32], [Int32])) {
        self.isDirected = isDirected
        self.nodeCount = nodeCount
        (outOffsets, outNeighbors, outEdges) = out
        (inOffsets, inNeighbors, inEdges) = incoming
    }

    /// The same graph with nodes renumbered by decreasing degree (ties by id) and every neighbour
    /// list in increasing new number; `original[new]` is the old number. Edge ids are kept. Traversals
    /// from every source touch the high-degree nodes most: numbered first, their entries share a few
    /// cache lines instead of being spread over the arrays (measured: exact betweenness on a
    /// Barabási–Albert graph, n = 10,000, about 10 % faster). - Complexity: O(n log n + m log d).
    func renumberedByDegree() -> (adjacency: Adjacency, original: [Int32]) {
        let n = nodeCount
        var degree = [Int](repeating: 0, count: n)
        for v in 0..<n {
            degree[v] = outOffsets[v + 1] - outOffsets[v]
            if isDirected { degree[v] += inOffsets[v + 1] - inOffsets[v] }
        }
        let original = (0..<Int32(n)).sorted { (a: Int32, b: Int32) -> Bool in
            let da = degree[Int(a)], db = degree[Int(b)]
            return da != db ? da > db : a < b
        }
        var renumbered = [Int32](repeating: 0, count: n)
        for (new, old) in original.enumerated() { renumbered[Int(old)] = Int32(new) }
        func side(_ offsets: [Int], _ neighbors: [Int32], _ edges: [Int32]) -> ([Int], [Int32], [Int32]) {
            var newOffsets = [Int](repeating: 0, count: n + 1)
            var newNeighbors = [Int32](), newEdges = [Int32]()
            newNeighbors.reserveCapacity(neighbors.count)
            newEdges.reserveCapacity(edges.count)
            var entries: [(Int32, Int32)] = []
            for new in 0..<n {
                let old = Int(original[new])
                entries.removeAll(keepingCapacity: true)
                for i in offsets[old]..<offsets[old + 1] { entries.append((renumbered[Int(neighbors[i])], edges[i])) }
                entries.sort { $0 < $1 }
                for (w, e) in entries { newNeighbors.append(w); newEdges.append(e) }
                newOffsets[new + 1] = newNeighbors.count
            }
            return (newOffsets, newNeighbors, newEdges)
        }
        let out = side(outOffsets, outNeighbors, outEdges)
        let incoming = isDirected ? side(inOffsets, inNeighbors, inEdges) : out
        return (Adjacency(isDirected: isDirected, nodeCount: n, out: out, in: incoming), original)
    }
}
