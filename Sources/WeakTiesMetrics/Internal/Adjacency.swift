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
}
