/// An immutable graph with dense `Int32` node indices and CSR adjacency, built once by a `GraphBuilder`.
///
/// Nodes are `0..<nodeCount`, edges `0..<edgeCount`. Edge `e` joins `edgeSources[e]` and `edgeTargets[e]`.
/// Adjacency is stored in compressed sparse row form as edge ids: the edges of node `v` are
/// `outEdges[outOffsets[v]..<outOffsets[v + 1]]`, and a neighbour is the other end of such an edge.
/// For an undirected graph every edge appears in the lists of both its ends (a self-loop twice in its
/// node's list, so that it adds 2 to the degree, as in networkx and igraph), and the `in` arrays are the
/// `out` arrays. For a directed graph `out` lists the edges leaving a node and `in` those arriving.
/// Within a node's list, entries are in edge id order, so every traversal is deterministic.
///
/// Memory: 16 bytes per edge (two `Int32` ends, two `Int32` adjacency entries) and 4 bytes per node
/// (8 for directed graphs: two offset columns), ids and attribute columns aside. Neighbour ids are
/// not stored: `neighbors(of:)` reads them through the edge ends, and metric kernels that walk
/// neighbours in a hot loop build a neighbour column once per call (`neighborColumn`), O(m) scratch.
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
    public let outOffsets: [Int32]
    /// Edge id of each outgoing (undirected: incident) adjacency entry.
    public let outEdges: [Int32]
    /// CSR row offsets of the incoming adjacency (the `out` arrays when undirected).
    public let inOffsets: [Int32]
    /// Edge id of each incoming adjacency entry.
    public let inEdges: [Int32]
    /// Typed node attribute columns, indexed by node.
    public private(set) var nodeAttributes: AttributeTable
    /// Typed edge attribute columns, indexed by edge.
    public private(set) var edgeAttributes: AttributeTable

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
            (outOffsets, outEdges) = Graph.compressedRows(nodeCount: n, from: edgeSources, to: edgeTargets, bothDirections: false)
            (inOffsets, inEdges) = Graph.compressedRows(nodeCount: n, from: edgeTargets, to: edgeSources, bothDirections: false)
        } else {
            (outOffsets, outEdges) = Graph.compressedRows(nodeCount: n, from: edgeSources, to: edgeTargets, bothDirections: true)
            (inOffsets, inEdges) = (outOffsets, outEdges)
        }
        #if DEBUG
        checkInvariants()
        #endif
    }

    /// Number of nodes.
    public var nodeCount: Int { nodeIDs.count }
    /// Number of edges.
    public var edgeCount: Int { edgeSources.count }

    /// The graph with one more edge attribute column (replacing a column of the same name, as
    /// `GraphBuilder.setEdgeAttribute` does); the structure is shared, not rebuilt.
    /// - Complexity: O(columns) beyond copying on write.
    public func addingEdgeAttribute(_ column: AttributeColumn) throws(GraphBuildError) -> Graph {
        guard column.values.count == edgeCount else {
            throw .attributeLength(name: column.name, expected: edgeCount, actual: column.values.count)
        }
        var graph = self
        graph.edgeAttributes.set(column)
        return graph
    }

    /// The graph with one more node attribute column (replacing a column of the same name); the
    /// structure is shared, not rebuilt. - Complexity: O(columns) beyond copying on write.
    public func addingNodeAttribute(_ column: AttributeColumn) throws(GraphBuildError) -> Graph {
        guard column.values.count == nodeCount else {
            throw .attributeLength(name: column.name, expected: nodeCount, actual: column.values.count)
        }
        var graph = self
        graph.nodeAttributes.set(column)
        return graph
    }

    /// The index of the node with external id `id`, if present. - Complexity: O(1) expected.
    public func index(of id: String) -> Int32? { indexByID[id] }

    /// Positions of `node`'s outgoing (undirected: all) entries in `outEdges`.
    @inlinable
    public func outRange(of node: Int) -> Range<Int> { Int(outOffsets[node])..<Int(outOffsets[node + 1]) }

    /// Positions of `node`'s incoming entries in `inEdges`.
    @inlinable
    public func inRange(of node: Int) -> Range<Int> { Int(inOffsets[node])..<Int(inOffsets[node + 1]) }

    /// Successors of `node` (undirected: neighbours), in edge id order. - Complexity: O(1) to create.
    @inlinable
    public func neighbors(of node: Int32) -> Neighbors {
        Neighbors(edges: outEdges[outRange(of: Int(node))], ends: isDirected ? .targets : .opposite, node: node,
                  sources: edgeSources, targets: edgeTargets)
    }

    /// Predecessors of `node` (undirected: neighbours), in edge id order.
    @inlinable
    public func predecessors(of node: Int32) -> Neighbors {
        Neighbors(edges: inEdges[inRange(of: Int(node))], ends: isDirected ? .sources : .opposite, node: node,
                  sources: edgeSources, targets: edgeTargets)
    }

    /// Edge ids incident to `node` as outgoing (undirected: all), in the order of `neighbors(of:)`.
    @inlinable
    public func edges(of node: Int32) -> ArraySlice<Int32> { outEdges[outRange(of: Int(node))] }

    /// Out-degree (undirected: degree, a self-loop counting 2).
    @inlinable
    public func degree(of node: Int32) -> Int { Int(outOffsets[Int(node) + 1] - outOffsets[Int(node)]) }

    /// In-degree (undirected: degree).
    @inlinable
    public func inDegree(of node: Int32) -> Int { Int(inOffsets[Int(node) + 1] - inOffsets[Int(node)]) }

    /// The other end of edge `edge` seen from `node`.
    @inlinable
    public func opposite(of node: Int32, along edge: Int32) -> Int32 {
        let s = edgeSources[Int(edge)]
        return s == node ? edgeTargets[Int(edge)] : s
    }

    /// The neighbour of every adjacency entry (`incoming`: of the `in` lists), aligned with `outEdges`
    /// (`inEdges`): scratch for kernels that walk neighbours many times. - Complexity: O(m) time and
    /// memory (4 bytes per entry).
    public func neighborColumn(incoming: Bool = false) -> [Int32] {
        let offsets = incoming ? inOffsets : outOffsets, edges = incoming ? inEdges : outEdges
        var column = [Int32](repeating: 0, count: edges.count)
        for v in 0..<nodeCount {
            for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                let e = Int(edges[k])
                if isDirected {
                    column[k] = incoming ? edgeSources[e] : edgeTargets[e]
                } else {
                    column[k] = edgeSources[e] == Int32(v) ? edgeTargets[e] : edgeSources[e]
                }
            }
        }
        return column
    }

    /// Bytes held by the structure (edge ends, offsets, adjacency), ids and attributes aside: 16 per edge
    /// plus 4 per node (undirected) or 8 per node (directed), plus one offset.
    public var structureByteCount: Int {
        let int32 = MemoryLayout<Int32>.stride
        var bytes = (edgeSources.count + edgeTargets.count + outOffsets.count + outEdges.count) * int32
        if isDirected { bytes += (inOffsets.count + inEdges.count) * int32 }
        return bytes
    }

    /// Counting-sort construction of CSR rows of edge ids. - Complexity: O(n + m).
    private static func compressedRows(
        nodeCount n: Int, from: [Int32], to: [Int32], bothDirections: Bool
    ) -> ([Int32], [Int32]) {
        var counts = [Int](repeating: 0, count: n + 1)
        for u in from { counts[Int(u) + 1] += 1 }
        if bothDirections { for v in to { counts[Int(v) + 1] += 1 } }
        for i in 0..<n { counts[i + 1] += counts[i] }
        let total = counts[n]
        precondition(total <= Int(Int32.max), "more adjacency entries than Int32 offsets can address")
        var edges = [Int32](repeating: 0, count: total)
        var cursor = counts
        for e in 0..<from.count {
            let u = Int(from[e])
            edges[cursor[u]] = Int32(e)
            cursor[u] += 1
            if bothDirections {
                let w = Int(to[e])
                edges[cursor[w]] = Int32(e)
                cursor[w] += 1
            }
        }
        return (counts.map { Int32($0) }, edges)
    }

    /// Checks the structural invariants (debug builds run this on every construction).
    public func checkInvariants() {
        precondition(edgeSources.count == edgeTargets.count)
        precondition(outOffsets.count == nodeCount + 1 && inOffsets.count == nodeCount + 1)
        precondition(Int(outOffsets.last ?? 0) == outEdges.count && Int(inOffsets.last ?? 0) == inEdges.count)
        precondition(outEdges.count == (isDirected ? edgeCount : 2 * edgeCount))
        precondition(indexByID.count == nodeCount)
        for column in nodeAttributes.columns { precondition(column.values.count == nodeCount, column.name) }
        for column in edgeAttributes.columns { precondition(column.values.count == edgeCount, column.name) }
    }
}

/// The neighbours of one node, read through its edges' ends (no neighbour ids are stored).
public struct Neighbors: RandomAccessCollection, Sendable {
    /// Which end of an edge is the neighbour.
    public enum Ends: Sendable {
        /// The edge's target (a directed graph's successors).
        case targets
        /// The edge's source (a directed graph's predecessors).
        case sources
        /// Whichever end is not the node itself (undirected graphs; a self-loop yields the node).
        case opposite
    }

    @usableFromInline let edges: ArraySlice<Int32>
    @usableFromInline let ends: Ends
    @usableFromInline let node: Int32
    @usableFromInline let sources: [Int32]
    @usableFromInline let targets: [Int32]

    @inlinable
    init(edges: ArraySlice<Int32>, ends: Ends, node: Int32, sources: [Int32], targets: [Int32]) {
        self.edges = edges
        self.ends = ends
        self.node = node
        self.sources = sources
        self.targets = targets
    }

    @inlinable public var startIndex: Int { edges.startIndex }
    @inlinable public var endIndex: Int { edges.endIndex }

    @inlinable
    public subscript(position: Int) -> Int32 {
        let e = Int(edges[position])
        switch ends {
        case .targets: return targets[e]
        case .sources: return sources[e]
        case .opposite: return sources[e] == node ? targets[e] : sources[e]
        }
    }
}
