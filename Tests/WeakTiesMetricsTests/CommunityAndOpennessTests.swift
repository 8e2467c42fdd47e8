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

@Suite struct SampledBetweennessTests {
    @Test func allSourcesGiveTheExactValues() throws {
        let g = try Reference("karate").graph
        let exact = try g.betweenness().nodes.values
        expectClose(try g.betweenness(BetweennessOptions(sampleSources: 34)).nodes.values, exact, "K = n")
    }

    @Test func theEstimateIsSeededAndUnbiasedOnAverage() throws {
        let g = try Reference("karate").graph
        let exact = try g.betweenness().nodes.values
        let a = try g.betweenness(BetweennessOptions(sampleSources: 10, seed: 3)).nodes
        #expect(a == (try g.betweenness(BetweennessOptions(sampleSources: 10, seed: 3)).nodes))
        // Averaged over 400 seeds the estimate of the top node is within 3 % of the exact value.
        var mean = 0.0
        for seed in 1...400 { mean += try g.betweenness(BetweennessOptions(threads: 1, sampleSources: 10, seed: UInt64(seed))).nodes[0] }
        mean /= 400
        #expect(abs(mean - exact[0]) / exact[0] < 0.03)
    }
}

@Suite struct BrokerageReferenceTests {
    static let roles: [(String, Brokerage.Role)] = [
        ("w_I", .coordinator), ("w_O", .itinerant), ("b_IO", .representative), ("b_OI", .gatekeeper),
        ("b_O", .liaison), ("t", .total),
    ]

    @Test(arguments: ["directed12", "karate_symmetric"])
    func matchesRsna(name: String) throws {
        let url = Bundle.module.url(forResource: "brokerage", withExtension: "json", subdirectory: "Fixtures")!
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let ref = all[name] as! [String: Any]
        let n = ref["n"] as! Int
        var b = GraphBuilder(directed: true)
        for i in 0..<n { b.addNode("\(i)") }
        for pair in ref["edges"] as! [[Int]] { try b.addEdge(Int32(pair[0]), Int32(pair[1])) }
        let g = try b.build()
        let result = try g.brokerage(groups: (ref["groups"] as! [String]).map { $0 })
        func values(_ key: String, _ role: String) -> [Double] {
            ((ref[key] as! [String: Any])[role] as! [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
        }
        for (key, role) in Self.roles {
            expectClose(result.counts[role]!, values("raw.nli", key), "\(name) raw \(key)")
            expectClose(result.expected[role]!, values("exp.nli", key), "\(name) expected \(key)")
            expectClose(result.standardDeviation[role]!, values("sd.nli", key), "\(name) sd \(key)")
            expectClose(result.zScore[role]!, values("z.nli", key), "\(name) z \(key)")
        }
        let global = { (key: String) in (ref[key] as! [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
        expectClose(Self.roles.map { result.networkCounts[$0.1]! }, global("raw.gli"), "\(name) network counts")
        expectClose(Self.roles.map { result.networkExpected[$0.1]! }, global("exp.gli"), "\(name) network expected")
        expectClose(Self.roles.map { result.networkStandardDeviation[$0.1]! }, global("sd.gli"), "\(name) network sd")
    }

    @Test func undirectedTiesAreReadAsTwoArcs() throws {
        let r = try Reference("karate")
        var b = GraphBuilder(directed: true)
        for id in r.ids { b.addNode(id) }
        for e in 0..<r.graph.edgeCount {
            try b.addEdge(r.graph.edgeSources[e], r.graph.edgeTargets[e])
            try b.addEdge(r.graph.edgeTargets[e], r.graph.edgeSources[e])
        }
        let symmetric = try b.build().brokerage(groups: r.groups!)
        let undirected = try r.graph.brokerage(groups: r.groups!)
        for role in Brokerage.Role.allCases {
            for (a, b) in [(undirected.counts, symmetric.counts), (undirected.zScore, symmetric.zScore)] {
                #expect(NodeScores(a[role]!) == NodeScores(b[role]!), "\(role)")
            }
        }
        #expect(undirected.counts[.representative] == undirected.counts[.gatekeeper])
    }
}

@Suite struct OpennessEdgeCaseTests {
    @Test func eiTestWithoutTiesBetweenKnownGroupsIsUndefined() throws {
        var b = GraphBuilder(directed: false)
        for i in 0..<3 { b.addNode("\(i)") }
        try b.addEdge(0, 1)
        let test = try b.build().eiIndexTest(groups: ["a", nil, "b"], permutations: 50)
        #expect(test.observed.isNaN && test.pGreaterOrEqual.isNaN && test.pLessOrEqual.isNaN && test.permutationMean.isNaN)
    }

    @Test func brokerageExpectationsAddUpWithUnknownGroups() throws {
        var rng = SeededRandom(seed: 81)
        for _ in 0..<50 {
            let r = try RandomGraph(&rng, directed: Bool.random(using: &rng))
            guard r.n > 3 else { continue }
            let groups: [String?] = (0..<r.n).map { _ in ["a", "b", "c", nil].randomElement(using: &rng)! }
            let result = try r.graph.brokerage(groups: groups)
            for v in 0..<r.n {
                let parts = Brokerage.Role.allCases.filter { $0 != .total }
                let expected = parts.reduce(0) { $0 + result.expected[$1]![v] }
                let counted = parts.reduce(0) { $0 + result.counts[$1]![v] }
                #expect(close(expected, result.expected[.total]![v]))
                #expect(counted == result.counts[.total]![v])
            }
        }
    }

    @Test func modularityRejectsNegativeIDs() throws {
        let g = try pathGraph(3, directed: false)
        #expect(throws: MetricError.invalidParameter("community ids must not be negative")) { try g.modularity(of: [0, -1, 0]) }
        #expect(try g.communityExternalShare([0, 0, 1]).values == [0, 0.5, 1])
    }
}

@Suite struct GroupEITests {
    @Test func groupLevelEIOnKarate() throws {
        // Counted with networkx 3.6.1 from karate_club_graph's 'club': 11 cross ties;
        // Mr. Hi 35 internal ties, Officer 32.
        let r = try Reference("karate")
        let groups = try r.graph.groupEIIndex(groups: r.groups!)
        #expect(groups.map(\.group) == ["Mr. Hi", "Officer"])
        #expect(close(groups[0].value, -0.5217391304347826) && close(groups[1].value, -0.4883720930232558))
    }
}
