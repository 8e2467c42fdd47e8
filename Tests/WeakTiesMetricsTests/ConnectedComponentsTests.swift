import Testing
import TestSupport
import WeakTiesGraph
import WeakTiesMetrics

private func graph(_ n: Int, _ edges: [(Int32, Int32)], directed: Bool = false) throws -> Graph {
    var b = GraphBuilder(directed: directed)
    for i in 0..<n { b.addNode("\(i)") }
    for (u, v) in edges { try b.addEdge(u, v) }
    return try b.build()
}

/// Definition-level reference: u and v share a (weak) component iff each reaches the other
/// (ignoring directions for weak components). Floyd–Warshall style closure.
private func reachability(_ n: Int, _ edges: [(Int32, Int32)], directed: Bool) -> [[Bool]] {
    var r = (0..<n).map { i in (0..<n).map { $0 == i } }
    for (u, v) in edges {
        r[Int(u)][Int(v)] = true
        if !directed { r[Int(v)][Int(u)] = true }
    }
    for k in 0..<n { for i in 0..<n where r[i][k] { for j in 0..<n where r[k][j] { r[i][j] = true } } }
    return r
}

@Suite struct ConnectedComponentsTests {
    @Test func emptyGraphHasNoComponents() throws {
        let c = try graph(0, []).connectedComponents()
        #expect(c.count == 0 && c.largestSize == 0)
    }

    @Test func isolatesAreComponentsOfTheirOwn() throws {
        let c = try graph(3, []).connectedComponents()
        #expect(c.count == 3 && c.componentOfNode == [0, 1, 2] && c.sizes == [1, 1, 1])
    }

    @Test func twoComponentsNumberedBySmallestNode() throws {
        let c = try graph(5, [(3, 4), (0, 2)]).connectedComponents()
        #expect(c.componentOfNode == [0, 1, 0, 2, 2])
        #expect(c.sizes == [2, 1, 2])
    }

    @Test func millionNodePathNeedsNoRecursion() throws {
        let n = 1_000_000
        let g = try pathGraph(n, directed: true)
        #expect(g.connectedComponents().count == 1)
        #expect(g.stronglyConnectedComponents().count == n)
    }

    @Test func stronglyConnectedComponentsOfAKnownGraph() throws {
        // 0→1→2→0 is a cycle, 2→3, 3→4→3 a second cycle, 5 alone.
        let g = try graph(6, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3)], directed: true)
        let c = g.stronglyConnectedComponents()
        #expect(c.componentOfNode == [0, 0, 0, 1, 1, 2])
        #expect(g.connectedComponents().count == 2)
    }

    @Test(arguments: [false, true])
    func randomGraphsAgreeWithReachability(directed: Bool) throws {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<250 {
            let n = Int.random(in: 0...14, using: &rng)
            var edges: [(Int32, Int32)] = []
            if n > 0 {
                for _ in 0..<Int.random(in: 0...(2 * n), using: &rng) {
                    edges.append((Int32.random(in: 0..<Int32(n), using: &rng), Int32.random(in: 0..<Int32(n), using: &rng)))
                }
            }
            let g = try graph(n, edges, directed: directed)
            let weak = g.connectedComponents()
            let undirectedReach = reachability(n, edges, directed: false)
            let reach = reachability(n, edges, directed: directed)
            let strong = g.stronglyConnectedComponents()
            for i in 0..<n {
                for j in 0..<n {
                    #expect((weak.componentOfNode[i] == weak.componentOfNode[j]) == undirectedReach[i][j])
                    #expect((strong.componentOfNode[i] == strong.componentOfNode[j]) == (reach[i][j] && reach[j][i]))
                }
            }
            #expect(weak.sizes.reduce(0, +) == n && strong.sizes.reduce(0, +) == n)
        }
    }
}
