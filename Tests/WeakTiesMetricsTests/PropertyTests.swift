import Testing
import TestSupport
import WeakTiesGraph
@testable import WeakTiesMetrics

/// A random simple graph (no self-loops, no repeated pairs), possibly disconnected, with isolates.
struct RandomGraph {
    let n: Int
    let edges: [(Int, Int)]
    let weights: [Double]
    let graph: Graph

    init(_ rng: inout SeededRandom, directed: Bool, maxNodes: Int = 11) throws {
        n = Int.random(in: 0...maxNodes, using: &rng)
        var pairs = Set<[Int]>()
        var edges: [(Int, Int)] = []
        if n > 1 {
            let density = Double.random(in: 0.05...0.6, using: &rng)
            for u in 0..<n {
                for v in 0..<n where u != v && (directed || u < v) && Double.random(in: 0..<1, using: &rng) < density {
                    let key = directed ? [u, v] : [min(u, v), max(u, v)]
                    if pairs.insert(key).inserted { edges.append(Bool.random(using: &rng) || directed ? (u, v) : (v, u)) }
                }
            }
        }
        edges.shuffle(using: &rng)
        self.edges = edges
        // Small integer weights make equal-length paths common (the hard case for tie handling).
        weights = edges.map { _ in Double(Int.random(in: 1...3, using: &rng)) }
        var b = GraphBuilder(directed: directed)
        for i in 0..<n { b.addNode("\(i)") }
        for (u, v) in edges { try b.addEdge(Int32(u), Int32(v)) }
        graph = try b.build()
    }

    /// All-pairs distances by Floyd–Warshall (hops, or the given lengths).
    func distances(lengths: [Double]? = nil, directed: Bool) -> [[Double]] {
        var d = (0..<n).map { i in (0..<n).map { $0 == i ? 0.0 : .infinity } }
        for (e, (u, v)) in edges.enumerated() {
            let w = lengths?[e] ?? 1
            d[u][v] = min(d[u][v], w)
            if !directed { d[v][u] = min(d[v][u], w) }
        }
        for k in 0..<n { for i in 0..<n { for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } } }
        return d
    }

    /// Number of shortest paths σ[s][t], by dynamic programming over nodes in order of distance from s.
    func pathCounts(_ d: [[Double]], lengths: [Double]? = nil, directed: Bool) -> [[Double]] {
        var arcs: [(Int, Int, Double)] = []
        for (e, (u, v)) in edges.enumerated() {
            arcs.append((u, v, lengths?[e] ?? 1))
            if !directed { arcs.append((v, u, lengths?[e] ?? 1)) }
        }
        var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for s in 0..<n {
            sigma[s][s] = 1
            for t in (0..<n).filter({ d[s][$0].isFinite && $0 != s }).sorted(by: { d[s][$0] < d[s][$1] }) {
                sigma[s][t] = arcs.filter { $0.1 == t && d[s][$0.0] + $0.2 == d[s][t] }.reduce(0) { $0 + sigma[s][$1.0] }
            }
        }
        return sigma
    }
}

private func expectAllClose(_ a: [Double], _ b: [Double], _ label: String) {
    #expect(a.count == b.count)
    for (i, (x, y)) in zip(a, b).enumerated() where !close(x, y) { Issue.record("\(label)[\(i)]: \(x) vs brute force \(y)") }
}

@Suite struct MetricPropertyTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func betweennessMatchesTheDefinition(directed: Bool, weighted: Bool) throws {
        var rng = SeededRandom(seed: directed ? 11 : 12)
        for round in 0..<200 {
            let r = try RandomGraph(&rng, directed: directed)
            let lengths = weighted ? r.weights : nil
            let d = r.distances(lengths: lengths, directed: directed)
            let sigma = r.pathCounts(d, lengths: lengths, directed: directed)
            var expected = [Double](repeating: 0, count: r.n)
            for s in 0..<r.n {
                for t in 0..<r.n where t != s && d[s][t].isFinite {
                    for v in 0..<r.n where v != s && v != t && d[s][v] + d[v][t] == d[s][t] {
                        expected[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
                    }
                }
            }
            if !directed { expected = expected.map { $0 / 2 } }
            var expectedEdges = [Double](repeating: 0, count: r.edges.count)
            for (e, (u, v)) in r.edges.enumerated() {
                let w = lengths?[e] ?? 1
                for s in 0..<r.n {
                    for t in 0..<r.n where t != s && d[s][t].isFinite {
                        if d[s][u] + w + d[v][t] == d[s][t] { expectedEdges[e] += sigma[s][u] * sigma[v][t] / sigma[s][t] }
                        if !directed && d[s][v] + w + d[u][t] == d[s][t] { expectedEdges[e] += sigma[s][v] * sigma[u][t] / sigma[s][t] }
                    }
                }
            }
            if !directed { expectedEdges = expectedEdges.map { $0 / 2 } }
            let weights: EdgeWeights = weighted ? .distance(r.weights) : .none
            for threads in [1, 2] {
                let result = try r.graph.betweenness(BetweennessOptions(weights: weights, threads: threads))
                expectAllClose(result.nodes.values, expected, "round \(round) node betweenness")
                expectAllClose(result.edges.values, expectedEdges, "round \(round) edge betweenness")
                // The node-only kernel (no edge sums) is a separate loop.
                let nodesOnly = try r.graph.betweenness(BetweennessOptions(weights: weights, threads: threads, edgeScores: false))
                expectAllClose(nodesOnly.nodes.values, expected, "round \(round) node betweenness without edge scores")
            }
        }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func closenessAndHarmonicMatchTheDefinition(directed: Bool, weighted: Bool) throws {
        var rng = SeededRandom(seed: 21)
        for _ in 0..<200 {
            let r = try RandomGraph(&rng, directed: directed)
            let d = r.distances(lengths: weighted ? r.weights : nil, directed: directed)
            var closeness: [Double] = [], harmonic: [Double] = []
            for v in 0..<r.n {
                let reach = (0..<r.n).filter { $0 != v && d[v][$0].isFinite }
                let total = reach.reduce(0) { $0 + d[v][$1] }
                let k = Double(reach.count)
                closeness.append(reach.isEmpty ? 0 : (k / Double(r.n - 1)) * k / total)
                harmonic.append(reach.reduce(0) { $0 + 1 / d[v][$1] })
            }
            let result = try r.graph.closeness(weights: weighted ? .distance(r.weights) : .none, threads: 2)
            expectAllClose(result.closeness.values, closeness, "closeness")
            expectAllClose(result.harmonic.values, harmonic, "harmonic")
            if !weighted {
                let both = try r.graph.betweenness(BetweennessOptions(threads: 2, closeness: true))
                #expect(both.closeness == result, "closeness from betweenness's traversals differs")
            }
        }
    }

    @Test func bridgesAndLocalBridgesMatchTheDefinition() throws {
        var rng = SeededRandom(seed: 31)
        for _ in 0..<250 {
            let r = try RandomGraph(&rng, directed: false, maxNodes: 12)
            let components = r.graph.connectedComponents().count
            var expectedBridges: [Int32] = []
            var expectedLocal: [(Int32, Double)] = []
            for (e, (u, v)) in r.edges.enumerated() {
                var others = r.edges
                others.remove(at: e)
                var b = GraphBuilder(directed: false)
                for i in 0..<r.n { b.addNode("\(i)") }
                for (x, y) in others { try b.addEdge(Int32(x), Int32(y)) }
                let without = try b.build()
                if without.connectedComponents().count > components { expectedBridges.append(Int32(e)) }
                let nu = Set(without.neighbors(of: Int32(u))), nv = Set(without.neighbors(of: Int32(v)))
                if nu.isDisjoint(with: nv) {
                    let reduced = RandomGraphView(n: r.n, edges: others)
                    expectedLocal.append((Int32(e), reduced.distances()[u][v]))
                }
            }
            #expect(r.graph.bridges() == expectedBridges)
            let local = r.graph.localBridges()
            #expect(local.map(\.edge) == expectedLocal.map(\.0))
            #expect(local.map(\.span) == expectedLocal.map(\.1))
        }
    }

    @Test func clusteringCoreNumberAndStructuralHolesMatchTheDefinitions() throws {
        var rng = SeededRandom(seed: 41)
        for _ in 0..<200 {
            let r = try RandomGraph(&rng, directed: false)
            let n = r.n
            var adjacent = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
            for (u, v) in r.edges { adjacent[u][v] = true; adjacent[v][u] = true }
            let neighbors = (0..<n).map { v in (0..<n).filter { adjacent[v][$0] } }
            // Clustering: closed pairs of neighbours over all pairs.
            var clustering = [Double](repeating: 0, count: n)
            for v in 0..<n where neighbors[v].count >= 2 {
                let nb = neighbors[v]
                var closed = 0, pairs = 0
                for i in 0..<nb.count { for j in (i + 1)..<nb.count { pairs += 1; if adjacent[nb[i]][nb[j]] { closed += 1 } } }
                clustering[v] = Double(closed) / Double(pairs)
            }
            expectAllClose(r.graph.clustering().local.values, clustering, "clustering")
            // Core number: the largest k whose k-core (repeatedly drop nodes of degree < k) keeps v.
            var core = [Double](repeating: 0, count: n)
            for k in 1...max(1, n) {
                var alive = [Bool](repeating: true, count: n)
                var changed = true
                while changed {
                    changed = false
                    for v in 0..<n where alive[v] && neighbors[v].count(where: { alive[$0] }) < k { alive[v] = false; changed = true }
                }
                for v in 0..<n where alive[v] { core[v] = Double(k) }
            }
            expectAllClose(r.graph.coreNumber().values, core, "core number")
            // Burt's constraint and ego density from the matrix definitions.
            let holes = try r.graph.structuralHoles()
            var constraint = [Double](repeating: .nan, count: n), density = constraint, effective = constraint
            for i in 0..<n where !neighbors[i].isEmpty {
                func p(_ a: Int, _ b: Int) -> Double { adjacent[a][b] ? 1 / Double(neighbors[a].count) : 0 }
                constraint[i] = neighbors[i].reduce(0) { total, j in
                    let indirect = neighbors[i].filter { $0 != j }.reduce(0) { $0 + p(i, $1) * p($1, j) }
                    return total + pow(p(i, j) + indirect, 2)
                }
                let N = Double(neighbors[i].count)
                let ties = Double(neighbors[i].reduce(0) { t, j in t + neighbors[i].count { adjacent[j][$0] } }) / 2
                effective[i] = N - 2 * ties / N
                density[i] = N >= 2 ? ties / (N * (N - 1) / 2) : .nan
            }
            expectAllClose(holes.constraint.values, constraint, "constraint")
            expectAllClose(holes.effectiveSize.values, effective, "effective size")
            expectAllClose(holes.egoDensity.values, density, "ego density")
        }
    }

    @Test(arguments: [false, true])
    func pageRankIsTheFixedPoint(directed: Bool) throws {
        var rng = SeededRandom(seed: 51)
        for _ in 0..<200 {
            let r = try RandomGraph(&rng, directed: directed)
            guard r.n > 0 else { continue }
            let x = try r.graph.pageRank().values
            #expect(abs(x.reduce(0, +) - 1) < 1e-12)
            // x = α Pᵀx + (α·dangling + 1 − α)/n
            let g = r.graph
            let dangling = (0..<r.n).filter { g.degree(of: Int32($0)) == 0 }.reduce(0) { $0 + x[$1] }
            for v in 0..<r.n {
                var incoming = 0.0
                for u in 0..<r.n where g.degree(of: Int32(u)) > 0 {
                    incoming += Double(g.neighbors(of: Int32(u)).count { $0 == Int32(v) }) * x[u] / Double(g.degree(of: Int32(u)))
                }
                let expected = 0.85 * incoming + (0.85 * dangling + 0.15) / Double(r.n)
                #expect(abs(expected - x[v]) < 1e-12)
            }
        }
    }

    @Test func eigenvectorSatisfiesTheEigenEquationOnConnectedGraphs() throws {
        var rng = SeededRandom(seed: 61)
        var checked = 0
        for _ in 0..<300 {
            let r = try RandomGraph(&rng, directed: false)
            guard r.n > 1, r.graph.connectedComponents().count == 1 else { continue }
            let x = r.graph.eigenvectorCentrality().values
            #expect(abs(x.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
            let ax = (0..<r.n).map { v in r.graph.neighbors(of: Int32(v)).reduce(0) { $0 + x[Int($1)] } }
            let lambda = zip(ax, x).reduce(0) { $0 + $1.0 * $1.1 }
            for v in 0..<r.n { #expect(abs(ax[v] - lambda * x[v]) < 1e-9, "A x = λ x at \(v)") }
            #expect(x.allSatisfy { $0 > 0 })
            checked += 1
        }
        #expect(checked > 50)
    }

    @Test func edgeCases() throws {
        let empty = try GraphBuilder(directed: false).build()
        #expect(try empty.betweenness().nodes.values.isEmpty)
        #expect(try empty.pageRank().values.isEmpty && empty.eigenvectorCentrality().values.isEmpty)
        #expect(empty.clustering().transitivity.isNaN)
        var one = GraphBuilder(directed: false)
        one.addNode("a")
        let single = try one.build()
        #expect(try single.closeness().closeness.values == [0])
        #expect(single.degreeCentrality().values[0].isNaN)
        #expect(single.eigenvectorCentrality().values[0].isNaN)
        #expect(try single.structuralHoles().constraint.values[0].isNaN)
        #expect(try single.pageRank().values == [1])
        // A star: the centre lies on every path; leaves are fully constrained.
        var star = GraphBuilder(directed: false)
        for i in 0..<6 { star.addNode("\(i)") }
        for i in 1..<6 { try star.addEdge(0, Int32(i)) }
        let s = try star.build()
        #expect(try s.betweenness().nodes.values == [10, 0, 0, 0, 0, 0])
        #expect(try s.structuralHoles().constraint.values[1] == 1)
        #expect(try s.structuralHoles().hierarchy.values[1].isNaN)
        #expect(s.bridges().count == 5)
        #expect(s.localBridges().allSatisfy { $0.span == .infinity })
        #expect(throws: MetricError.invalidWeight(edge: 2, value: -1)) {
            try s.betweenness(BetweennessOptions(weights: .distance([1, 1, -1, 1, 1])))
        }
        #expect(throws: MetricError.weightCount(expected: 5, actual: 1)) { try s.closeness(weights: .strength([1])) }
    }

    @Test func millionNodePathHasNoStackOverflow() throws {
        let n = 1_000_000
        let g = try pathGraph(n, directed: false)
        #expect(g.bridges().count == n - 1)
        #expect(g.localBridges().count == n - 1)
        #expect(g.coreNumber().values.allSatisfy { $0 == 1 })
    }
}

/// Distances of a plain edge list (for the local-bridge span after removing an edge).
struct RandomGraphView {
    let n: Int
    let edges: [(Int, Int)]

    func distances() -> [[Double]] {
        var d = (0..<n).map { i in (0..<n).map { $0 == i ? 0.0 : .infinity } }
        for (u, v) in edges { d[u][v] = 1; d[v][u] = 1 }
        for k in 0..<n { for i in 0..<n { for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } } }
        return d
    }
}

import Foundation

@Suite struct GroupAndEdgeCaseTests {
    func path(_ n: Int, directed: Bool) throws -> Graph { try pathGraph(n, directed: directed) }

    @Test func transitivityOfKarateMatchesNetworkx() throws {
        // nx.transitivity(nx.karate_club_graph()) with networkx 3.6.1
        #expect(close(try Reference("karate").graph.clustering().transitivity, 0.2556818181818182))
    }

    @Test func eigenvectorOfADirectedAcyclicGraphIsUndefined() throws {
        #expect(try path(3, directed: true).eigenvectorCentrality().values.allSatisfy(\.isNaN))
    }

    @Test func pageRankRejectsABadDamping() throws {
        #expect(throws: MetricError.invalidParameter("PageRank damping must be at least 0 and below 1, not 1.0")) {
            try path(3, directed: false).pageRank(alpha: 1)
        }
    }

    @Test func blauIndexAndWeakTieShareFollowTheirDefinitions() throws {
        // 0 – 1, 0 – 2, 0 – 3, 3 – 4; groups a, a, b, nil, b; ties 0 and 3 weak.
        var b = GraphBuilder(directed: false)
        for i in 0..<6 { b.addNode("\(i)") }
        for (u, v) in [(0, 1), (0, 2), (0, 3), (3, 4)] { try b.addEdge(Int32(u), Int32(v)) }
        let g = try b.build()
        let groups: [String?] = ["a", "a", "b", nil, "b", "a"]
        let blau = try g.blauIndex(groups: groups).values
        // Node 0: alters 1 (a), 2 (b), 3 (unknown, left out) → 1 − (½² + ½²) = ½.
        #expect(blau[0] == 0.5)
        #expect(blau[1] == 0 && blau[3] == 0.5 && blau[4].isNaN && blau[5].isNaN)
        let share = try g.weakTieShare(isWeak: [true, false, false, true]).values
        #expect(share[0] == 1.0 / 3 && share[3] == 0.5 && share[4] == 1 && share[5].isNaN)
        #expect(throws: MetricError.edgeValueCount(expected: 4, actual: 1)) { try g.weakTieShare(isWeak: [true]) }
        let ei = try g.eiIndex(groups: groups).values
        // Node 0 (a): ties to 1 (a, internal), 2 (b, external); 3 unknown left out → 0.
        #expect(ei[0] == 0 && ei[3].isNaN && ei[5].isNaN)
        #expect(try g.networkEIIndex(groups: groups) == 0)
    }
}

/// Textbook Brandes (2001): queue, stack and predecessor lists, σ pushed along every arc; the
/// reference for graphs too large for the O(n³) definition above.
private func textbookBrandes(n: Int, arcs: [(Int, Int)], directed: Bool) -> (betweenness: [Double], closeness: [Double]) {
    var out = [[Int]](repeating: [], count: n)
    for (u, v) in arcs { out[u].append(v); if !directed { out[v].append(u) } }
    var b = [Double](repeating: 0, count: n), closeness = [Double](repeating: 0, count: n)
    for s in 0..<n {
        var stack: [Int] = [], pred = [[Int]](repeating: [], count: n)
        var sigma = [Double](repeating: 0, count: n), dist = [Int](repeating: -1, count: n)
        sigma[s] = 1; dist[s] = 0
        var queue = [s], head = 0
        while head < queue.count {
            let v = queue[head]; head += 1; stack.append(v)
            for w in out[v] {
                if dist[w] < 0 { dist[w] = dist[v] + 1; queue.append(w) }
                if dist[w] == dist[v] + 1 { sigma[w] += sigma[v]; pred[w].append(v) }
            }
        }
        let reached = stack.count - 1, total = stack.reduce(0) { $0 + dist[$1] }
        closeness[s] = reached == 0 ? 0 : (Double(reached) / Double(n - 1)) * Double(reached) / Double(total)
        var delta = [Double](repeating: 0, count: n)
        for w in stack.reversed() {
            for v in pred[w] { delta[v] += sigma[v] / sigma[w] * (1 + delta[w]) }
            if w != s { b[w] += delta[w] }
        }
    }
    return (directed ? b : b.map { $0 / 2 }, closeness)
}

@Suite struct LargeGraphTraversalTests {
    /// Sums over sources are taken in fixed blocks of 256 sources added in block order: 1, 2 and 5
    /// threads give the same bits (unweighted, weighted, sampled; node and edge scores, closeness), and
    /// the blocked sums still equal the textbook algorithm on a graph of four blocks.
    @Test(arguments: [false, true])
    func everyThreadCountGivesTheSameBits(directed: Bool) throws {
        var rng = SeededRandom(seed: directed ? 7 : 8)
        let n = 900
        var arcs: [(Int, Int)] = [], seen = Set<[Int]>()
        var ends: [Int] = [0, 1]
        func add(_ u: Int, _ v: Int) {
            guard u != v, seen.insert(directed ? [u, v] : [min(u, v), max(u, v)]).inserted else { return }
            arcs.append((u, v)); ends += [u, v]
        }
        add(0, 1)
        for v in 2..<(n - 20) { for _ in 0..<2 { let u = ends[Int.random(in: 0..<ends.count, using: &rng)]; if Bool.random(using: &rng) { add(v, u) } else { add(u, v) } } }
        var builder = GraphBuilder(directed: directed)
        for i in 0..<n { builder.addNode("\(i)") }  // the last 20 are isolates
        for (u, v) in arcs { try builder.addEdge(Int32(u), Int32(v)) }
        let graph = try builder.build()
        let lengths = (0..<graph.edgeCount).map { _ in Double(Int.random(in: 1...4, using: &rng)) }
        let runs: [(String, (Int) throws -> BetweennessResult)] = [
            ("unweighted", { try graph.betweenness(BetweennessOptions(threads: $0, closeness: true)) }),
            ("nodes only", { try graph.betweenness(BetweennessOptions(threads: $0, edgeScores: false)) }),
            ("weighted", { try graph.betweenness(BetweennessOptions(weights: .distance(lengths), threads: $0)) }),
            ("sampled", { try graph.betweenness(BetweennessOptions(threads: $0, sampleSources: 600, seed: 3)) }),
        ]
        for (name, run) in runs {
            let one = try run(1)
            for threads in [2, 5] {
                let other = try run(threads)
                #expect(other.nodes.values.elementsEqual(one.nodes.values) { $0.bitPattern == $1.bitPattern }, "\(name): \(threads) threads")
                #expect(other.edges.values.elementsEqual(one.edges.values) { $0.bitPattern == $1.bitPattern }, "\(name) edges: \(threads) threads")
                #expect(other.closeness == one.closeness, "\(name) closeness: \(threads) threads")
            }
        }
        for weights in [EdgeWeights.none, .distance(lengths)] {
            let one = try graph.closeness(weights: weights, threads: 1)
            for threads in [2, 5] {
                let other = try graph.closeness(weights: weights, threads: threads)
                #expect(other.closeness.values.elementsEqual(one.closeness.values) { $0.bitPattern == $1.bitPattern })
                #expect(other.harmonic.values.elementsEqual(one.harmonic.values) { $0.bitPattern == $1.bitPattern })
            }
        }
        let expected = textbookBrandes(n: n, arcs: arcs, directed: directed)
        let result = try graph.betweenness(BetweennessOptions(threads: 2, closeness: true))
        expectAllClose(result.nodes.values, expected.betweenness, "blocked betweenness")
        expectAllClose(result.closeness!.closeness.values, expected.closeness, "blocked closeness")
    }


    /// Preferential attachment (hubs, a small diameter: the breadth-first search expands its middle
    /// levels bottom-up), long paths hanging off it (top-down levels after bottom-up ones), a second
    /// component and isolates; directed variants with arcs in both directions and one way only.
    @Test(arguments: [(false, 1), (false, 2), (true, 1), (true, 2)])
    func betweennessAndClosenessEqualTextbookBrandes(directed: Bool, threads: Int) throws {
        var rng = SeededRandom(seed: directed ? 41 : 42)
        for round in 0..<3 {
            let core = 150 + 50 * round
            var arcs: [(Int, Int)] = [], seen = Set<[Int]>()
            var ends: [Int] = [0, 1]
            func add(_ u: Int, _ v: Int) {
                guard u != v, seen.insert(directed ? [u, v] : [min(u, v), max(u, v)]).inserted else { return }
                arcs.append((u, v)); ends += [u, v]
            }
            add(0, 1)
            for v in 2..<core { for _ in 0..<3 { let u = ends[Int.random(in: 0..<ends.count, using: &rng)]; if Bool.random(using: &rng) { add(v, u) } else { add(u, v) } } }
            var n = core
            for _ in 0..<4 {  // a path of 12 nodes hanging off a random core node
                var previous = Int.random(in: 0..<core, using: &rng)
                for _ in 0..<12 { add(previous, n); if directed && Bool.random(using: &rng) { add(n, previous) }; previous = n; n += 1 }
            }
            let second = n  // another component: a cycle with chords
            for i in 0..<30 { add(second + i, second + (i + 1) % 30); if i % 7 == 0 { add(second + i, second + (i + 11) % 30) } }
            n += 30 + 5  // and five isolates
            var builder = GraphBuilder(directed: directed)
            for i in 0..<n { builder.addNode("\(i)") }
            for (u, v) in arcs { try builder.addEdge(Int32(u), Int32(v)) }
            let graph = try builder.build()
            let expected = textbookBrandes(n: n, arcs: arcs, directed: directed)
            let result = try graph.betweenness(BetweennessOptions(threads: threads))
            expectAllClose(result.nodes.values, expected.betweenness, "round \(round) betweenness")
            let nodesOnly = try graph.betweenness(BetweennessOptions(threads: threads, edgeScores: false))
            expectAllClose(nodesOnly.nodes.values, expected.betweenness, "round \(round) betweenness without edge scores")
            let closeness = try graph.closeness(threads: threads)
            expectAllClose(closeness.closeness.values, expected.closeness, "round \(round) closeness")
            // Closeness from betweenness's own traversals: the same bits as Graph.closeness (the
            // harmonic sums go level by level, independent of the visit order within a level).
            for edges in [false, true] {
                let both = try graph.betweenness(BetweennessOptions(threads: threads, edgeScores: edges, closeness: true))
                #expect(both.closeness == closeness, "round \(round): closeness from betweenness differs")
                #expect(both.nodes == result.nodes && (edges ? both.edges == result.edges : true))
                let normalized = try graph.betweenness(BetweennessOptions(normalized: true, threads: threads, closeness: true))
                #expect(normalized.closeness == closeness)
            }
            // Weighted or sampled runs leave it to Graph.closeness.
            #expect(try graph.betweenness(BetweennessOptions(threads: threads, sampleSources: 10, closeness: true)).closeness == nil)
            #expect(try graph.betweenness(BetweennessOptions(weights: .distance(Array(repeating: 1, count: graph.edgeCount)), threads: threads, closeness: true)).closeness == nil)
        }
    }
}
