import Testing
import TestSupport
@testable import WeakTiesGraph

@Suite struct GraphBuilderTests {
    func triangleWithTail(directed: Bool) throws -> Graph {
        var b = GraphBuilder(directed: directed)
        for id in ["a", "b", "c", "d"] { b.addNode(id) }
        try b.addEdge(0, 1)
        try b.addEdge(1, 2)
        try b.addEdge(2, 0)
        try b.addEdge(2, 3)
        b.setNodeAttribute("label", .string(["A", "B", nil, "D"]))
        b.setEdgeAttribute("weight", .double([1, 2, .nan, 4]))
        return try b.build()
    }

    @Test func undirectedCSRListsBothEnds() throws {
        let g = try triangleWithTail(directed: false)
        #expect(g.nodeCount == 4 && g.edgeCount == 4)
        #expect(Array(g.neighbors(of: 0)) == [1, 2])
        #expect(Array(g.neighbors(of: 2)) == [1, 0, 3])
        #expect(Array(g.edges(of: 2)) == [1, 2, 3])
        #expect(g.degree(of: 3) == 1)
        #expect(g.outOffsets == [0, 2, 4, 7, 8])
        #expect(Array(g.predecessors(of: 2)) == Array(g.neighbors(of: 2)))
        #expect(g.opposite(of: 2, along: 3) == 3)
    }

    @Test func directedCSRSeparatesSuccessorsAndPredecessors() throws {
        let g = try triangleWithTail(directed: true)
        #expect(Array(g.neighbors(of: 2)) == [0, 3])
        #expect(Array(g.predecessors(of: 2)) == [1])
        #expect(g.degree(of: 3) == 0 && g.inDegree(of: 3) == 1)
        #expect(g.outEdges.count == 4 && g.inEdges.count == 4)
    }

    @Test(arguments: [false, true])
    func structureTakesSixteenBytesPerEdgeAndAtMostEightPerNode(directed: Bool) throws {
        var rng = SeededRandom(seed: 3)
        var b = GraphBuilder(directed: directed)
        let n = 1_000, m = 5_000
        for i in 0..<n { b.addNode("n\(i)") }
        for _ in 0..<m { try b.addEdge(Int32.random(in: 0..<Int32(n), using: &rng), Int32.random(in: 0..<Int32(n), using: &rng)) }
        let g = try b.build()
        // The budget: at most 16 bytes per edge plus 8 per node (ids and attributes aside).
        #expect(g.structureByteCount <= 16 * m + 8 * (n + 1))
        #expect(g.structureByteCount == 16 * m + (directed ? 8 : 4) * (n + 1))
        // The neighbour column agrees with the neighbour view.
        let column = g.neighborColumn(), incoming = g.neighborColumn(incoming: true)
        for v in 0..<n {
            #expect(Array(column[g.outRange(of: v)]) == Array(g.neighbors(of: Int32(v))))
            #expect(Array(incoming[g.inRange(of: v)]) == Array(g.predecessors(of: Int32(v))))
        }
    }

    @Test func idLookupAndAttributes() throws {
        let g = try triangleWithTail(directed: false)
        #expect(g.index(of: "c") == 2)
        #expect(g.index(of: "zz") == nil)
        #expect(g.nodeAttributes["label"]?.values == .string(["A", "B", nil, "D"]))
        #expect(g.edgeAttributes["weight"]?.values.text(at: 2) == nil)
        #expect(g.edgeAttributes["weight"]?.values.text(at: 3) == "4.0")
        #expect(g.nodeAttributes.names == ["label"])
    }

    /// A builder started from distinct ids and their index gives the graph `addNode` would give, and
    /// adds further nodes after them.
    @Test func startingFromAnIndexMatchesAddingNodes() throws {
        var b = GraphBuilder(directed: false, ids: ["a", "b", "c"], indexByID: ["a": 0, "b": 1, "c": 2])
        b.reserveCapacity(nodes: 3, edges: 2)
        #expect(b.addNode("b") == 1)
        #expect(b.addNode("d") == 3)
        try b.addEdge(0, 3)
        try b.addEdge(1, 2)
        let g = try b.build()
        var plain = GraphBuilder(directed: false)
        for id in ["a", "b", "c", "d"] { plain.addNode(id) }
        try plain.addEdge(0, 3)
        try plain.addEdge(1, 2)
        let expected = try plain.build()
        #expect(g.nodeIDs == expected.nodeIDs && g.outOffsets == expected.outOffsets && g.outEdges == expected.outEdges)
        #expect(["a", "b", "c", "d", "e"].map { g.index(of: $0) } == [0, 1, 2, 3, nil])
    }

    /// An edge column added to a built graph: last, or in place of one of the same name; a column of
    /// the wrong length is refused.
    @Test func addingAnEdgeAttributeKeepsTheStructure() throws {
        let g = try triangleWithTail(directed: false)
        let added = try g.addingEdgeAttribute(AttributeColumn(name: "note", values: .string(["a", nil, "c", "d"])))
        #expect(added.edgeAttributes.columns.map(\.name) == ["weight", "note"] && added.outEdges == g.outEdges)
        let replaced = try added.addingEdgeAttribute(AttributeColumn(name: "weight", values: .double([5, 6, 7, 8])))
        #expect(replaced.edgeAttributes.columns.map(\.name) == ["weight", "note"])
        #expect(replaced.edgeAttributes["weight"]?.values == .double([5, 6, 7, 8]))
        #expect(throws: GraphBuildError.attributeLength(name: "x", expected: 4, actual: 1)) {
            try g.addingEdgeAttribute(AttributeColumn(name: "x", values: .int([1])))
        }
    }

    @Test func addNodeIsIdempotent() {
        var b = GraphBuilder(directed: false)
        #expect(b.addNode("x") == 0)
        #expect(b.addNode("y") == 1)
        #expect(b.addNode("x") == 0)
        #expect(b.nodeCount == 2)
    }

    @Test func selfLoopCountsTwiceInUndirectedDegree() throws {
        var b = GraphBuilder(directed: false)
        b.addNode("a")
        try b.addEdge(0, 0)
        let g = try b.build()
        #expect(g.degree(of: 0) == 2)
        #expect(Array(g.neighbors(of: 0)) == [0, 0])
    }

    @Test func rejectsBadInputWithoutCrashing() throws {
        var b = GraphBuilder(directed: false)
        b.addNode("a")
        #expect(throws: GraphBuildError.nodeOutOfRange(5, nodeCount: 1)) { try b.addEdge(0, 5) }
        b.setNodeAttribute("x", .int([1, 2]))
        #expect(throws: GraphBuildError.attributeLength(name: "x", expected: 1, actual: 2)) { try b.build() }
    }

    @Test func emptyGraph() throws {
        let g = try GraphBuilder(directed: false).build()
        #expect(g.nodeCount == 0 && g.edgeCount == 0 && g.outOffsets == [0])
    }

    @Test(arguments: [false, true])
    func randomGraphsMatchAdjacencyDefinition(directed: Bool) throws {
        var rng = SeededRandom(seed: 9)
        for _ in 0..<200 {
            let n = Int.random(in: 0...12, using: &rng)
            var b = GraphBuilder(directed: directed)
            for i in 0..<n { b.addNode("n\(i)") }
            var edges: [(Int32, Int32)] = []
            if n > 0 {
                for _ in 0..<Int.random(in: 0...30, using: &rng) {
                    let e = (Int32.random(in: 0..<Int32(n), using: &rng), Int32.random(in: 0..<Int32(n), using: &rng))
                    edges.append(e)
                    try b.addEdge(e.0, e.1)
                }
            }
            let g = try b.build()
            for v in 0..<Int32(n) {
                var expected: [Int32] = []
                for (u, w) in edges {
                    if u == v { expected.append(w) }
                    if !directed && w == v { expected.append(u) }
                }
                #expect(Array(g.neighbors(of: v)).sorted() == expected.sorted())
                let expectedIn = directed ? edges.filter { $0.1 == v }.map(\.0) : expected
                #expect(Array(g.predecessors(of: v)).sorted() == expectedIn.sorted())
            }
        }
    }
}
