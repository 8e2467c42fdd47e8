/// An immutable graph with dense `Int32` node indices and CSR adjacency, built once by a `GraphBuilder`.
///
/// Nodes are `0..<nodeCount`, edges `0..<edgeCount`. Edge `e` joins `edgeSources[e]` and `edgeTargets[e]`.
/// Adjacency is stored in compressed sparse row form: the neighbours of node `v` are
/// `outNeighbors[outOffsets[v]..<outOffsets[v + 1]]`, and `outEdges` holds the edge id of each entry.
/// For an undirected graph every edge appears in the lists of both its ends (a self-loop twice in its
/// node's list, so that it adds 2 to the degree, as in networkx and igraph), and the `in` arrays are the
/// `out` arrays. For a directed graph `out` lists successors and `in` predecessors.
/// Within a node's list, entries are in edge id order, so every traversal is deterministic.
public struct Graph: Sendable {
    /// Whether edges have a direction.
    public let isDirected: Bool
    /// External node ids, indexed by node.
    public let nodeIDs: [String]
    /// First end of each edge (the source for directed graphs).
    public let edgeSources: [Int32]
    /// Second end of each edge (the target for directed graphs).
    public let edgeTargets: [Int32]
    /// CSR row offsets of the outgoing (undirected: all) adjacency; `nodeCount + 1` entries.
    public let outOffsets: [Int]
    /// CSR neighbour column: successors (undirected: neighbours).
    public let outNeighbors: [Int32]
    /// Edge id of each `outNeighbors` entry.
    public let outEdges: [Int32]
    /// CSR row offsets of the incoming adjacency (the `out` arrays when undirected).
    public let inOffsets: [Int]
    /// CSR neighbour column: predecessors (undirected: neighbours).
    public let inNeighbors: [Int32]
    /// Edge id of each `inNeighbors` entry.
    public let inEdges: [Int32]
    /// Typed node attribute columns, indexed by node.
    public let nodeAttributes: AttributeTable
    /// Typed edge attribute columns, indexed by edge.
    public let edgeAttributes: AttributeTable

    private let indexByID: [String: Int32]

    init(
        isDirected: Bool, nodeIDs: [String], indexByID: [String: Int32],
        edgeSources: [Int32], edgeTargets: [Int32],
        nodeAttributes: AttributeTable, edgeAttributes: AttributeTable
    ) {
        self.isDirected = isDirected
        self.nodeIDs = nodeIDs
        self.indexByID = indexByID
        self.edgeSources = edgeSources
        self.edgeTargets = edgeTargets
        self.nodeAttributes = nodeAttributes
        self.edgeAttributes = edgeAttributes
        let n = nodeIDs.count
        if isDirected {
            (outOffsets, outNeighbors, outEdges) = Graph.compressedRows(
                nodeCount: n, from: edgeSources, to: edgeTargets, bothDirections: false)
            (inOffsets, inNeighbors, inEdges) = Graph.compressedRows(
                nodeCount: n, from: edgeTargets, to: edgeSources, bothDirections: false)
        } else {
            (outOffsets, outNeighbors, outEdges) = Graph.compressedRows(
                nodeCount: n, from: edgeSources, to: edgeTargets, bothDirections: true)
            (inOffsets, inNeighbors, inEdges) = (outOffsets, outNeighbors, outEdges)
        }
        #if DEBUG
        checkInvariants()
        #endif
    }

    /// Number of nodes.
    public var nodeCount: Int { nodeIDs.count }
    /// Number of edges.
    public var edgeCount: Int { edgeSources.count }

    /// The index of the node with external id `id`, if present. - Complexity: O(1) expected.
    public func index(of id: String) -> Int32? { indexByID[id] }

    /// Successors of `node` (undirected: neighbours), in edge id order.
    @inlinable
    public func neighbors(of node: Int32) -> ArraySlice<Int32> {
        outNeighbors[outOffsets[Int(node)]..<outOffsets[Int(node) + 1]]
    }

    /// Predecessors of `node` (undirected: neighbours), in edge id order.
    @inlinable
    public func predecessors(of node: Int32) -> ArraySlice<Int32> {
        inNeighbors[inOffsets[Int(node)]..<inOffsets[Int(node) + 1]]
    }

    /// Edge ids incident to `node` as outgoing (undirected: all), in the order of `neighbors(of:)`.
    @inlinable
    public func edges(of node: Int32) -> ArraySlice<Int32> {
        outEdges[outOffsets[Int(node)]..<outOffsets[Int(node) + 1]]
    }

    /// Out-degree (undirected: degree, a self-loop counting 2).
    @inlinable
    public func degree(of node: Int32) -> Int { outOffsets[Int(node) + 1] - outOffsets[Int(node)] }

    /// In-degree (undirected: degree).
    @inlinable
    public func inDegree(of node: Int32) -> Int { inOffsets[Int(node) + 1] - inOffsets[Int(node)] }

    /// The other end of edge `edge` seen from `node`.
    @inlinable
    public func opposite(of node: Int32, along edge: Int32) -> Int32 {
        let s = edgeSources[Int(edge)]
        return s == node ? edgeTargets[Int(edge)] : s
    }

    /// Counting-sort construction of CSR rows. - Complexity: O(n + m).
    private static func compressedRows(
        nodeCount n: Int, from: [Int32], to: [Int32], bothDirections: Bool
    ) -> ([Int], [Int32], [Int32]) {
        var offsets = [Int](repeating: 0, count: n + 1)
        for u in from { offsets[Int(u) + 1] += 1 }
        if bothDirections { for v in to { offsets[Int(v) + 1] += 1 } }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        let total = offsets[n]
        var neighbors = [Int32](repeating: 0, count: total)
        var edges = [Int32](repeating: 0, count: total)
        var cursor = offsets
        for e in 0..<from.count {
            let u = Int(from[e]), v = to[e]
            neighbors[cursor[u]] = v
            edges[cursor[u]] = Int32(e)
            cursor[u] += 1
            if bothDirections {
                let w = Int(v)
                neighbors[cursor[w]] = Int32(u)
                edges[cursor[w]] = Int32(e)
                cursor[w] += 1
            }
        }
        return (offsets, neighbors, edges)
    }

    /// Checks the structural invariants (debug builds run this on every construction).
    public func checkInvariants() {
        precondition(edgeSources.count == edgeTargets.count)
        precondition(outOffsets.count == nodeCount + 1 && inOffsets.count == nodeCount + 1)
        precondition(outOffsets.last == outNeighbors.count && outNeighbors.count == outEdges.count)
        precondition(outNeighbors.count == (isDirected ? edgeCount : 2 * edgeCount))
        precondition(indexByID.count == nodeCount)
        for column in nodeAttributes.columns { precondition(column.values.count == nodeCount, column.name) }
        for column in edgeAttributes.columns { precondition(column.values.count == edgeCount, column.name) }
    }
}
