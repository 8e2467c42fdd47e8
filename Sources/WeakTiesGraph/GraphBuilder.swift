/// An error raised while building a graph from caller-supplied data.
public enum GraphBuildError: Error, Equatable, CustomStringConvertible {
    /// An edge end names a node index outside `0..<nodeCount`.
    case nodeOutOfRange(Int32, nodeCount: Int)
    /// The attribute column `name` has `actual` values where one per node (or edge), `expected`, is needed.
    case attributeLength(name: String, expected: Int, actual: Int)
    /// Adding another edge would exceed the `Int32` index range; the payload is the current edge count.
    case tooManyElements(Int)

    public var description: String {
        switch self {
        case let .nodeOutOfRange(node, count): "node index \(node) is outside 0..<\(count)"
        case let .attributeLength(name, expected, actual):
            "attribute column '\(name)' has \(actual) values, expected \(expected)"
        case let .tooManyElements(count): "\(count) elements exceed the Int32 index range"
        }
    }
}

/// Collects nodes, edges and attribute columns, then builds an immutable `Graph`.
///
/// Nodes are numbered in the order they are first added; edges in the order they are added.
public struct GraphBuilder: Sendable {
    /// Whether the graph being built has directed edges.
    public let isDirected: Bool
    private var nodeIDs: [String] = []
    private var indexByID: [String: Int32] = [:]
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    private var nodeAttributes = AttributeTable()
    private var edgeAttributes = AttributeTable()

    /// An empty builder for a directed (`directed` true) or undirected graph.
    public init(directed: Bool) {
        self.isDirected = directed
    }

    /// A builder that starts with the nodes `ids` (distinct), numbered in that order, and `indexByID`,
    /// their index by id, taken over as it is (no id is hashed again).
    /// - Precondition: `indexByID[ids[i]] == i` for every `i`, and no other entries.
    public init(directed: Bool, ids: [String], indexByID: [String: Int32]) {
        precondition(ids.count == indexByID.count, "one index entry per id")
        assert(ids.indices.allSatisfy { indexByID[ids[$0]] == Int32($0) }, "the index numbers the ids in order")
        self.isDirected = directed
        nodeIDs = ids
        self.indexByID = indexByID
    }

    /// Number of nodes added so far.
    public var nodeCount: Int { nodeIDs.count }
    /// Number of edges added so far.
    public var edgeCount: Int { sources.count }

    /// Reserves storage for `nodes` nodes and `edges` edges.
    public mutating func reserveCapacity(nodes: Int, edges: Int) {
        // Only when growing: reserving makes a shared (taken over) index a copy.
        if nodes > nodeIDs.count {
            nodeIDs.reserveCapacity(nodes)
            indexByID.reserveCapacity(nodes)
        }
        sources.reserveCapacity(edges)
        targets.reserveCapacity(edges)
    }

    /// Adds the node `id` if it is new and returns its index. - Complexity: O(1) expected.
    @discardableResult
    public mutating func addNode(_ id: String) -> Int32 {
        if let index = indexByID[id] { return index }
        let index = Int32(nodeIDs.count)
        nodeIDs.append(id)
        indexByID[id] = index
        return index
    }

    /// Adds an edge between two existing nodes and returns its index.
    @discardableResult
    public mutating func addEdge(_ source: Int32, _ target: Int32) throws(GraphBuildError) -> Int32 {
        for node in [source, target] where node < 0 || Int(node) >= nodeIDs.count {
            throw .nodeOutOfRange(node, nodeCount: nodeIDs.count)
        }
        guard sources.count < Int(Int32.max) else { throw .tooManyElements(sources.count) }
        sources.append(source)
        targets.append(target)
        return Int32(sources.count - 1)
    }

    /// Sets a node attribute column (one value per node, checked at `build()`).
    public mutating func setNodeAttribute(_ name: String, _ values: AttributeValues) {
        nodeAttributes.set(AttributeColumn(name: name, values: values))
    }

    /// Sets an edge attribute column (one value per edge, checked at `build()`).
    public mutating func setEdgeAttribute(_ name: String, _ values: AttributeValues) {
        edgeAttributes.set(AttributeColumn(name: name, values: values))
    }

    /// Builds the graph. - Complexity: O(n + m).
    public func build() throws(GraphBuildError) -> Graph {
        for column in nodeAttributes.columns where column.values.count != nodeIDs.count {
            throw .attributeLength(name: column.name, expected: nodeIDs.count, actual: column.values.count)
        }
        for column in edgeAttributes.columns where column.values.count != sources.count {
            throw .attributeLength(name: column.name, expected: sources.count, actual: column.values.count)
        }
        return Graph(
            isDirected: isDirected, nodeIDs: nodeIDs, indexByID: indexByID,
            edgeSources: sources, edgeTargets: targets,
            nodeAttributes: nodeAttributes, edgeAttributes: edgeAttributes)
    }
}
