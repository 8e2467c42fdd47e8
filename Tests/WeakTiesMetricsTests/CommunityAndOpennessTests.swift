import Foundation
import Testing
import TestSupport
import WeakTiesGraph
@testable import WeakTiesMetrics

@Suite struct CommunityTests {
    func twoCliques() throws -> Graph {
        var b = GraphBuilder(directed: false)
        for i in 0..<10 { b.addNode("\(i)") }
        for base in [0, 5] {
            for i in 0..<5 { for j in (i + 1)..<5 { try b.addEdge(Int32(base + i), Int32(base + j)) } }
        }
        try b.addEdge(4, 5)
        return try b.build()
    }

    @Test func twoCliquesJoinedByOneTieAreTwoCommunities() throws {
        let g = try twoCliques()
        let c = try g.louvainCommunities()
        #expect(c.communityOfNode == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        // Q = 2 · (10/21 − (21/42)²): two cliques of 10 ties each, plus the bridge (m = 21).
        #expect(close(c.modularity, 2 * (10.0 / 21 - pow(21.0 / 42, 2))))
        let share = try g.communityExternalShare(c.communityOfNode).values
        #expect(share[4] == 0.2 && share[0] == 0)
    }

    @Test func karateModularityIsHighAndTheResultIsReproducible() throws {
        let g = try Reference("karate").graph
        let first = try g.louvainCommunities(seed: 7), second = try g.louvainCommunities(seed: 7)
        #expect(first == second)
        #expect(first.modularity > 0.41 && first.modularity < 0.4199 + 0.03)
        #expect(close(first.modularity, try g.modularity(of: first.communityOfNode)))
    }

    @Test func modularityOfRandomPartitionsMatchesTheDefinition() throws {
        var rng = SeededRandom(seed: 71)
        for _ in 0..<200 {
            let r = try RandomGraph(&rng, directed: false)
            guard r.graph.edgeCount > 0 else {
                #expect(try r.graph.louvainCommunities().modularity.isNaN)
                continue
            }
            let partition = (0..<r.n).map { _ in Int32.random(in: 0..<3, using: &rng) }
            // Q = 1/(2m) Σ_ij [A_ij − k_i k_j/(2m)] δ(c_i, c_j)
            let m = Double(r.edges.count)
            var a = [[Double]](repeating: [Double](repeating: 0, count: r.n), count: r.n)
            for (u, v) in r.edges { a[u][v] += 1; a[v][u] += 1 }
            let k = a.map { $0.reduce(0, +) }
            var q = 0.0
            for i in 0..<r.n { for j in 0..<r.n where partition[i] == partition[j] { q += a[i][j] - k[i] * k[j] / (2 * m) } }
            #expect(close(try r.graph.modularity(of: partition), q / (2 * m)))
            let found = try r.graph.louvainCommunities(seed: 3)
            #expect(close(found.modularity, try r.graph.modularity(of: found.communityOfNode)))
            // Louvain never does worse than every node alone.
            #expect(found.modularity >= (try r.graph.modularity(of: (0..<Int32(r.n)).map { $0 })) - 1e-12)
        }
    }
}

@Suite struct OpennessTests {
    @Test func eiPermutationTestIsSeededAndBounded() throws {
        let r = try Reference("karate")
        let test = try r.graph.eiIndexTest(groups: r.groups!, permutations: 2000, seed: 5)
        #expect(close(test.observed, -0.717948717948718))
        #expect(test == (try r.graph.eiIndexTest(groups: r.groups!, permutations: 2000, seed: 5)))
        // The two clubs are far more internal than chance.
        #expect(test.pLessOrEqual < 0.001 && test.pGreaterOrEqual > 0.99)
        #expect(test.permutationMean > -0.2 && test.permutationMean < 0.2)
        #expect(test.minimum == -1 && test.maximum == 1)
        #expect(close(test.rescaled, test.observed))
    }

    @Test func rescaledEIUsesTheAttainableRange() throws {
        // Groups {a, a, b}: one internal pair, two external pairs; with 3 ties all pairs are tied.
        var b = GraphBuilder(directed: false)
        for i in 0..<3 { b.addNode("\(i)") }
        try b.addEdge(0, 1); try b.addEdge(1, 2); try b.addEdge(0, 2)
        let test = try b.build().eiIndexTest(groups: ["a", "a", "b"], permutations: 10)
        #expect(close(test.observed, 1.0 / 3))
        #expect(close(test.minimum, 1.0 / 3) && close(test.maximum, 1.0 / 3))
        #expect(test.rescaled.isNaN)
    }

    @Test func iqvAndOutsideShare() throws {
        var b = GraphBuilder(directed: false)
        for i in 0..<5 { b.addNode("\(i)") }
        for v in 1..<5 { try b.addEdge(0, Int32(v)) }
        let g = try b.build()
        let groups: [String?] = ["KR", "KR", "MG", "NR", nil]
        // Node 0's alters: KR, MG, NR (and one unknown): Blau = 2/3, K = 3 → IQV = 1.
        #expect(close(try g.iqv(groups: groups).values[0], 1))
        #expect(close(try g.outsideShare(groups: groups).values[0], 2.0 / 3))
        #expect(try g.outsideShare(groups: groups).values[4].isNaN)
    }
}
