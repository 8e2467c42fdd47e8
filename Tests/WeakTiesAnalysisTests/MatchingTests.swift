import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesAnalysis

/// Brute-force definitions, written from the textbook formulas on adjacency sets, independent of the
/// metrics module's kernels.
private struct BruteForce {
    let n: Int
    let adjacency: [Set<Int>]

    init(_ g: Graph, adding extra: (Int, Int)? = nil) {
        n = g.nodeCount
        var adjacency = [Set<Int>](repeating: [], count: n)
        for e in 0..<g.edgeCount {
            let a = Int(g.edgeSources[e]), b = Int(g.edgeTargets[e])
            adjacency[a].insert(b)
            adjacency[b].insert(a)
        }
        if let (a, b) = extra { adjacency[a].insert(b); adjacency[b].insert(a) }
        self.adjacency = adjacency
    }

    /// Distances and shortest-path counts from every node.
    func paths() -> (d: [[Int]], sigma: [[Double]]) {
        var d = [[Int]](repeating: [Int](repeating: -1, count: n), count: n)
        var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for s in 0..<n {
            d[s][s] = 0
            sigma[s][s] = 1
            var frontier = [s]
            while !frontier.isEmpty {
                var next: [Int] = []
                for v in frontier {
                    for w in adjacency[v].sorted() {
                        if d[s][w] < 0 { d[s][w] = d[s][v] + 1; next.append(w) }
                        if d[s][w] == d[s][v] + 1 { sigma[s][w] += sigma[s][v] }
                    }
                }
                frontier = next
            }
        }
        return (d, sigma)
    }

    /// Normalised betweenness of v: Σ_{s<t, s,t≠v} σ_sv σ_vt / σ_st over pairs with v on a shortest path,
    /// divided by (n−1)(n−2)/2.
    func betweenness(_ v: Int) -> Double {
        let (d, sigma) = paths()
        var b = 0.0
        for s in 0..<n where s != v {
            for t in (s + 1)..<n where t != v {
                guard d[s][t] > 0, d[s][v] >= 0, d[v][t] >= 0, d[s][v] + d[v][t] == d[s][t] else { continue }
                b += sigma[s][v] * sigma[v][t] / sigma[s][t]
            }
        }
        return n > 2 ? b / (Double((n - 1) * (n - 2)) / 2) : 0
    }

    /// Burt's constraint with p_ij = 1/deg(i) (unweighted): Σ_j (p_ij + Σ_q p_iq p_qj)².
    func constraint(_ i: Int) -> Double {
        let alters = adjacency[i]
        guard !alters.isEmpty else { return .nan }
        func p(_ a: Int, _ b: Int) -> Double { adjacency[a].contains(b) ? 1 / Double(adjacency[a].count) : 0 }
        return alters.reduce(0) { sum, j in
            let c = p(i, j) + alters.filter { $0 != j }.reduce(0) { $0 + p(i, $1) * p($1, j) }
            return sum + c * c
        }
    }

    /// Borgatti's effective size N − 2t/N.
    func effectiveSize(_ i: Int) -> Double {
        let alters = Array(adjacency[i])
        guard !alters.isEmpty else { return .nan }
        var t = 0
        for a in 0..<alters.count { for b in (a + 1)..<alters.count where adjacency[alters[a]].contains(alters[b]) { t += 1 } }
        let N = Double(alters.count)
        return N - 2 * Double(t) / N
    }

    func withinTwo(_ i: Int) -> Set<Int> {
        var result = adjacency[i]
        for a in adjacency[i] { result.formUnion(adjacency[a]) }
        result.remove(i)
        return result
    }
}

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    a.isNaN && b.isNaN || abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite struct MatchingTests {
    /// Every gain equals a full recomputation on the graph with the tie added (brute force), for every
    /// innovation and candidate of seeded random studies.
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func gainsEqualRecomputation(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: seed, actors: 16, ties: 26)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let matching = try Matching(metrics: metrics)
        let g = metrics.graph
        let before = BruteForce(g)
        let (d, _) = before.paths()
        let types = try metrics.groups(by: "partner_type"), regions = try metrics.groups(by: "region")
        let community = try metrics.communities().communityOfNode
        var checked = 0
        for i in matching.innovations {
            let candidates = matching.candidates(for: i, betweenness: true)
            let expectedPartners = Set((0..<g.nodeCount).filter {
                $0 != i && study.actors[$0].kind != .innovation && !before.adjacency[i].contains($0)
            })
            #expect(Set(candidates.map(\.partner)) == expectedPartners)
            for c in candidates {
                let p = c.partner
                let after = BruteForce(g, adding: (i, p))
                let common = before.adjacency[i].intersection(before.adjacency[p])
                let union = before.adjacency[i].union(before.adjacency[p])
                #expect(c.distance == (d[i][p] < 0 ? nil : d[i][p]))
                #expect(c.commonNeighbors == common.count)
                #expect(close(c.jaccard, union.isEmpty ? .nan : Double(common.count) / Double(union.count)))
                #expect(close(c.adamicAdar, common.reduce(0) { $0 + 1 / log(Double(before.adjacency[$1].count)) }))
                #expect(close(c.resourceAllocation, common.reduce(0) { $0 + 1 / Double(before.adjacency[$1].count) }))
                #expect(close(c.constraintBefore, before.constraint(i)))
                #expect(close(c.constraintAfter, after.constraint(i)))
                #expect(close(c.effectiveSizeBefore, before.effectiveSize(i)))
                #expect(close(c.effectiveSizeAfter, after.effectiveSize(i)))
                #expect(close(c.betweennessBefore!, before.betweenness(i)))
                #expect(close(c.betweennessAfter!, after.betweenness(i)))
                #expect(c.reachGained == after.withinTwo(i).subtracting(before.withinTwo(i)).count)
                #expect(c.reachedGroups.reduce(0) { $0 + $1.count } == c.reachGained)
                #expect(Set(c.introducers.map(\.actor)) == common)
                let ownTypes = Set(before.adjacency[i].compactMap { types[$0] })
                #expect(c.newPartnerType == (types[p].map { ownTypes.contains($0) ? nil : $0 } ?? nil))
                let ownRegions = Set((before.adjacency[i].union([i])).compactMap { regions[$0] })
                #expect(c.newRegion == (regions[p].map { ownRegions.contains($0) ? nil : $0 } ?? nil))
                let ownCommunities = Set(before.adjacency[i].union([i]).map { community[$0] })
                #expect(c.newCommunity == (ownCommunities.contains(community[p]) ? nil : Int(community[p])))
                #expect(close(c.score, c.components.score(MatchWeights())))
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    /// A limit of 0 (the report's suggestions option set to 0) gives no candidates, never a trap; a
    /// limit keeps the best of the unlimited list.
    @Test func limitZeroGivesNoCandidates() throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 78, actors: 40, ties: 70)
        let matching = try Matching(metrics: try StudyMetrics(study: study, options: .init(threads: 1)))
        for i in matching.innovations.prefix(3) {
            let all = matching.candidates(for: i)
            #expect(matching.candidates(for: i, limit: 0).isEmpty && matching.candidates(for: i, limit: -1).isEmpty)
            #expect(matching.candidates(for: i, limit: 2).map(\.partner) == all.prefix(2).map(\.partner))
        }
    }

    /// A limit keeps exactly the best of the unlimited list, scores to the bit, whatever the weights:
    /// the scan skips actors more than two steps away whose best possible reach cannot beat the worst
    /// kept, and that must never drop one that belongs (sparse random studies: many such actors).
    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func limitedScanEqualsTheFullRanking(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 500 + seed, actors: 160, ties: 190)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        var rng = SeededRandom(seed: seed)
        var weightSets = [MatchWeights()]
        var reachOnly = MatchWeights()
        for (_, key) in MatchWeights.names { reachOnly[keyPath: key] = 0 }
        reachOnly.reach = 1
        weightSets.append(reachOnly)
        var noReach = MatchWeights()
        noReach.reach = 0
        weightSets.append(noReach)
        var random = MatchWeights()
        for (name, key) in MatchWeights.names where name != "betweenness" { random[keyPath: key] = Double(Int.random(in: 0...8, using: &rng)) / 4 }
        weightSets.append(random)
        var compared = 0
        for weights in weightSets {
            let matching = try Matching(metrics: metrics, weights: weights)
            for i in matching.innovations {
                let all = matching.candidates(for: i)
                for limit in [1, 3, 10] {
                    let limited = matching.candidates(for: i, limit: limit)
                    #expect(limited.map(\.partner) == all.prefix(limit).map(\.partner), "innovation \(i), limit \(limit)")
                    #expect(limited.map(\.score.bitPattern) == all.prefix(limit).map(\.score.bitPattern))
                    #expect("\(limited)" == "\(Array(all.prefix(limit)))")
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }

    /// Distances found from the target's end (up to 16 targets) equal a breadth-first search from the
    /// innovation, on sparse random studies with long paths, isolates and several components.
    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func distancesFromTheTargetEqualASearchFromTheInnovation(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 700 + seed, actors: 200, ties: 190)
        let matching = try Matching(metrics: try StudyMetrics(study: study, options: .init(threads: 1)))
        let n = study.actors.count
        var far = 0, unreachable = 0
        for i in matching.innovations {
            let context = Matching.EgoContext(matching, i)
            let expected = Matching.hopDistances(from: i, offsets: matching.offsets, adjacent: matching.adjacent)
            for start in stride(from: 0, to: n, by: 7) {
                let targets = Array(start..<min(n, start + 7))
                #expect(matching.hopDistances(from: i, to: targets, context) == targets.map { expected[$0] }, "innovation \(i)")
            }
            #expect(matching.hopDistances(from: i, to: Array(0..<n), context) == expected)
            far += expected.filter { $0 >= 4 }.count
            unreachable += expected.filter { $0 < 0 }.count
        }
        #expect(far > 0 && unreachable > 0)
    }

    /// The metrics module gives the same before/after values (a second, independent implementation).
    @Test func gainsEqualMetricsModule() throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 77, actors: 30, ties: 60)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let matching = try Matching(metrics: metrics)
        for i in matching.innovations.prefix(3) {
            for c in matching.candidates(for: i, limit: 5) {
                let added = try metrics.graph.adding(edgeBetween: Int32(i), and: Int32(c.partner))
                let holes = try added.structuralHoles()
                #expect(close(c.constraintAfter, holes.constraint[i]))
                #expect(close(c.effectiveSizeAfter, holes.effectiveSize[i]))
                #expect(close(matching.betweennessAfter(i, c.partner),
                              try added.betweenness(.init(threads: 1)).normalized(nodeCount: added.nodeCount).nodes[i]))
            }
        }
    }

    /// Link prediction equals networkx 3.6.1 on the example study (fixture written by
    /// Fixtures/make_link_prediction.py: `jaccard_coefficient`, `adamic_adar_index`,
    /// `resource_allocation_index`, `common_neighbors`).
    @Test func linkPredictionEqualsNetworkx() throws {
        let url = try #require(Bundle.module.url(forResource: "link-prediction", withExtension: "json"))
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let pairs = try #require(fixture["pairs"] as? [[String: Any]])
        let example = repositoryRoot + "/Examples/krefeld-mg/"
        let study = try StudyLoader.load(ties: [example + "ties.csv"], nodes: example + "nodes.csv")
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let matching = try Matching(metrics: metrics)
        let index = Dictionary(uniqueKeysWithValues: study.actors.enumerated().map { ($1.id, $0) })
        #expect(pairs.count == 595)
        for pair in pairs {
            let i = try #require(index[pair["innovation"] as! String]), p = try #require(index[pair["partner"] as! String])
            let c = try #require(matching.candidate(innovation: i, partner: p))
            #expect(c.commonNeighbors == pair["common_neighbors"] as! Int)
            #expect(close(c.jaccard, (pair["jaccard"] as! NSNumber).doubleValue, 1e-12))
            #expect(close(c.adamicAdar, (pair["adamic_adar"] as! NSNumber).doubleValue, 1e-12))
            #expect(close(c.resourceAllocation, (pair["resource_allocation"] as! NSNumber).doubleValue, 1e-12))
        }
    }

    @Test func filtersRestrictCandidates() throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 5, actors: 24, ties: 40)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let regions = try metrics.groups(by: "region"), types = try metrics.groups(by: "partner_type")
        let i = try Matching(metrics: metrics).innovations[0]
        var filters = MatchFilters()
        filters.sameRegion = true
        filters.partnerTypes = ["welfare", "business"]
        let all = try Matching(metrics: metrics).candidates(for: i)
        let someone = try #require(all.first?.partner)
        filters.excluded = [ActorPair(someone, i)]
        let filtered = try Matching(metrics: metrics, filters: filters).candidates(for: i)
        #expect(!filtered.contains { $0.partner == someone })
        #expect(filtered.allSatisfy { regions[$0.partner] == regions[i] && ["welfare", "business"].contains(types[$0.partner] ?? "") })
        #expect(Set(filtered.map(\.partner)) == Set(all.filter {
            $0.partner != someone && regions[$0.partner] == regions[i] && ["welfare", "business"].contains(types[$0.partner] ?? "")
        }.map(\.partner)))
        var only = MatchFilters()
        only.partners = Set(all.prefix(2).map(\.partner))
        #expect(Set(try Matching(metrics: metrics, filters: only).candidates(for: i).map(\.partner)) == only.partners)
    }

    @Test func negativeWeightsAreRejected() throws {
        var weights = MatchWeights()
        #expect(throws: MatchError.negativeWeight("reach", -1)) { try weights.set("reach", -1) }
        #expect(throws: MatchError.self) { try weights.set("nonsense", 1) }
        try weights.set("betweenness", 2)
        #expect(weights.betweenness == 2)
    }

    // MARK: - Event plans

    /// The best total gain over all schedules, by exhaustive search: every pair gets a round or none.
    private func exhaustive(_ gains: [[Double?]], rounds: Int, seats: Int) -> Double {
        let pairs = gains.indices.flatMap { i in gains[i].indices.compactMap { p in gains[i][p].map { (i, p, $0) } } }
        var best = 0.0
        var assignment = [Int](repeating: 0, count: pairs.count)
        func valid() -> Bool {
            for r in 1...rounds {
                var innovationUse = [Int: Int](), partnerUse = [Int: Int]()
                for (k, pair) in pairs.enumerated() where assignment[k] == r {
                    innovationUse[pair.0, default: 0] += 1
                    partnerUse[pair.1, default: 0] += 1
                }
                if innovationUse.values.contains(where: { $0 > 1 }) || partnerUse.values.contains(where: { $0 > seats }) { return false }
            }
            return true
        }
        func search(_ k: Int) {
            if k == pairs.count {
                if valid() { best = max(best, pairs.indices.reduce(0) { $0 + (assignment[$1] > 0 ? pairs[$1].2 : 0) }) }
                return
            }
            for r in 0...rounds { assignment[k] = r; search(k + 1) }
        }
        search(0)
        return best
    }

    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func planIsOptimalAgainstExhaustiveSearch(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let ni = Int.random(in: 2...3, using: &rng), np = Int.random(in: 2...3, using: &rng)
        let rounds = Int.random(in: 1...2, using: &rng), seats = Int.random(in: 1...2, using: &rng)
        let gains: [[Double?]] = (0..<ni).map { _ in (0..<np).map { _ in
            Double.random(in: 0...1, using: &rng) < 0.2 ? nil : Double(Int.random(in: 1...9, using: &rng)) / 3
        } }
        let pairs = gains.indices.flatMap { i in gains[i].indices.compactMap { p in gains[i][p].map { (i, p, $0) } } }
        let chosen = EventSolver.choose(pairs: pairs, innovationCapacity: Array(repeating: rounds, count: ni),
                                        partnerCapacity: Array(repeating: rounds * seats, count: np), seed: seed)
        let total = chosen.reduce(0) { $0 + pairs[$1].2 }
        #expect(close(total, exhaustive(gains, rounds: rounds, seats: seats), 1e-9))
        // And the chosen pairs fit into the rounds.
        let colours = EdgeColoring.rounds(pairs: chosen.map { (pairs[$0].0, pairs[$0].1) }, rounds: rounds, groupSize: rounds)
        for r in 0..<rounds {
            let inRound = chosen.indices.filter { colours[$0] == r }.map { pairs[chosen[$0]] }
            #expect(Set(inRound.map(\.0)).count == inRound.count)
            for p in 0..<np { #expect(inRound.count { $0.1 == p } <= seats) }
        }
    }

    /// Large instances: 100 innovations × 1,000 partners, 4 rounds, tables of 2 — the chosen pairs
    /// respect the capacities, spread over the rounds without clashes, and no pair is left out that both
    /// sides still had room for (optimal implies maximal).
    @Test func largePlanIsFeasible() throws {
        var rng = SeededRandom(seed: 42)
        let ni = 100, np = 1_000, rounds = 4, seats = 2
        var pairs: [(Int, Int, Double)] = []
        for i in 0..<ni { for p in 0..<np where Double.random(in: 0...1, using: &rng) < 0.05 {
            pairs.append((i, p, Double.random(in: 0.1...5, using: &rng)))
        } }
        let chosen = EventSolver.choose(pairs: pairs, innovationCapacity: Array(repeating: rounds, count: ni),
                                        partnerCapacity: Array(repeating: rounds * seats, count: np), seed: 1)
        var perInnovation = [Int](repeating: 0, count: ni), perPartner = [Int](repeating: 0, count: np)
        for k in chosen { perInnovation[pairs[k].0] += 1; perPartner[pairs[k].1] += 1 }
        #expect(perInnovation.allSatisfy { $0 <= rounds } && perPartner.allSatisfy { $0 <= rounds * seats })
        let chosenSet = Set(chosen)
        #expect(!pairs.indices.contains { !chosenSet.contains($0) && perInnovation[pairs[$0].0] < rounds && perPartner[pairs[$0].1] < rounds * seats })
        let colours = EdgeColoring.rounds(pairs: chosen.map { (pairs[$0].0, pairs[$0].1) }, rounds: rounds, groupSize: rounds)
        #expect(colours.allSatisfy { (0..<rounds).contains($0) })
        for r in 0..<rounds {
            var innovationSeen = Set<Int>(), partnerCount: [Int: Int] = [:]
            for (k, c) in zip(chosen, colours) where c == r {
                #expect(innovationSeen.insert(pairs[k].0).inserted)
                partnerCount[pairs[k].1, default: 0] += 1
            }
            #expect(partnerCount.values.allSatisfy { $0 <= seats })
        }
        #expect(chosen.count == ni * rounds)  // 50 candidate partners each: every innovation fills its rounds
    }

    @Test func planOnAStudyIsFeasibleAndDeterministic() throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 11, actors: 60, ties: 90)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let matching = try Matching(metrics: metrics)
        let innovations = matching.innovations
        let partners = study.actors.indices.filter { study.actors[$0].kind == .partner }
        let fixedPair = (innovations[0], partners[0])
        let request = EventRequest(innovations: innovations, partners: partners, rounds: 3, seatsPerTable: 2,
                                   fixed: [fixedPair], forbidden: [ActorPair(innovations[1], partners[1])], seed: 4)
        let plan = try matching.plan(request)
        let again = try matching.plan(request)
        // (Candidates hold NaN where undefined, so compare what defines the plan.)
        #expect(plan.meetings.map { "\($0.round) \($0.innovation) \($0.partner) \($0.gain)" }
                == again.meetings.map { "\($0.round) \($0.innovation) \($0.partner) \($0.gain)" })
        #expect(plan.meetings.contains { $0.innovation == fixedPair.0 && $0.partner == fixedPair.1 && $0.isFixed })
        #expect(!plan.meetings.contains { $0.innovation == innovations[1] && $0.partner == partners[1] })
        #expect(Set(plan.meetings.map { ActorPair($0.innovation, $0.partner) }).count == plan.meetings.count)
        for r in 1...3 {
            let round = plan.meetings.filter { $0.round == r }
            #expect(Set(round.map(\.innovation)).count == round.count)
            for p in Set(round.map(\.partner)) { #expect(round.count { $0.partner == p } <= 2) }
        }
        #expect(plan.meetings.allSatisfy { $0.isFixed || $0.gain > 0 })
        // Optimal, hence maximal: no allowed pair with a positive gain is left out while both still have room.
        var meetingsOf: [Int: Int] = [:]
        for m in plan.meetings { meetingsOf[m.innovation, default: 0] += 1; meetingsOf[m.partner, default: 0] += 1 }
        let met = Set(plan.meetings.map { ActorPair($0.innovation, $0.partner) })
        var leftOut = 0
        for i in innovations where meetingsOf[i, default: 0] < 3 {
            for (p, c) in zip(partners, matching.candidates(for: i, among: partners)) where meetingsOf[p, default: 0] < 6 {
                if let c, c.score > 0, !met.contains(ActorPair(i, p)), ActorPair(i, p) != ActorPair(innovations[1], partners[1]) { leftOut += 1 }
            }
        }
        #expect(leftOut == 0)
        #expect(plan.meetings.count > 10)
    }

    @Test func planErrorsNameWhatCannotBeMet() throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 12, actors: 20, ties: 20)
        let matching = try Matching(metrics: try StudyMetrics(study: study, options: .init(threads: 1)))
        let i = matching.innovations[0]
        let partners = study.actors.indices.filter { study.actors[$0].kind == .partner }
        #expect(throws: MatchError.self) { try matching.plan(EventRequest(innovations: [], partners: partners, rounds: 2)) }
        #expect(throws: MatchError.self) { try matching.plan(EventRequest(innovations: [i], partners: [], rounds: 2)) }
        do {
            _ = try matching.plan(EventRequest(innovations: [i], partners: Array(partners.prefix(3)), rounds: 1,
                                               fixed: [(i, partners[0]), (i, partners[1])]))
            Issue.record("expected a capacity error")
        } catch {
            #expect(error.description.contains("has 2 fixed meetings but the event has 1 round"))
            #expect(error.description.contains(study.actors[i].label))
        }
    }

    // MARK: - Backtest and lookup

    @Test func backtestCountsAndBounds() throws {
        let dir = TemporaryDirectory()
        var rng = SeededRandom(seed: 3)
        var rows = ["source,target,strength,since"]
        for _ in 0..<120 {
            let i = Int.random(in: 0..<8, using: &rng), p = Int.random(in: 0..<30, using: &rng)
            let year = Double.random(in: 0...1, using: &rng) < 0.1 ? "" : String(Int.random(in: 2010...2020, using: &rng))
            rows.append("I\(i),P\(p),\(Bool.random(using: &rng) ? "strong" : "weak"),\(year)")
        }
        var nodes = ["id,kind"]
        for i in 0..<8 { nodes.append("I\(i),innovation") }
        for p in 0..<30 { nodes.append("P\(p),partner") }
        let study = try StudyLoader.load(ties: [dir.write("t.csv", rows.joined(separator: "\n") + "\n")],
                                         nodes: dir.write("n.csv", nodes.joined(separator: "\n") + "\n"))
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let backtest = try MatchBacktest(metrics: metrics, year: 2016, ks: [1, 5, 10])
        let years = (0..<study.ties.count).map { study.earliestYear(ofTie: $0) }
        #expect(backtest.earlierTies == years.count { ($0 ?? .max) <= 2016 })
        #expect(backtest.earlierTies + backtest.laterTies + backtest.tiesWithoutYear == study.ties.count)
        #expect(backtest.predictableTies + backtest.unpredictableTies == backtest.laterTies)
        #expect(backtest.methods.map(\.name) == ["score", "common_neighbors", "jaccard", "adamic_adar", "resource_allocation", "random"])
        for method in backtest.methods {
            #expect(method.precision.allSatisfy { (0...1).contains($0) })
            #expect(zip(method.recall, method.recall.dropFirst()).allSatisfy { $0 <= $1 + 1e-12 })
        }
    }

    @Test func actorLookupIsForgiving() throws {
        let example = repositoryRoot + "/Examples/krefeld-mg/"
        let study = try StudyLoader.load(ties: [example + "ties.csv"], nodes: example + "nodes.csv")
        let lookup = ActorLookup(study: study)
        let k = try lookup.find("repair cafe cracau")
        #expect(study.actors[k].id == "Repair-Café Cracau")
        #expect(try lookup.find("  REPAIR-CAFÉ   CRACAU ") == k)
        do {
            _ = try lookup.find("Repair Cafe Crakau")
            Issue.record("expected no match")
        } catch {
            #expect(error == .unknown(name: "Repair Cafe Crakau", suggestions: ["Repair-Café Cracau"]))
            #expect(error.description == "no actor 'Repair Cafe Crakau' (did you mean 'Repair-Café Cracau'?)")
        }
    }

    /// Brokerage, E-I and assortativity by an attribute with fewer than two known values are undefined
    /// (NaN), not confident numbers about one group (issue 22); one value counts like none.
    @Test func groupComparisonsNeedTwoKnownGroups() throws {
        let dir = TemporaryDirectory()
        let ties = dir.write("t.csv", "source,target,strength\nA,B,weak\nB,C,strong\nC,D,weak\nA,C,weak\nD,E,weak\n")
        let nodes = dir.write("n.csv", "id,region,sector\nA,Krefeld,x\nB,Krefeld,y\nC,Krefeld,x\nD,Krefeld,y\nE,Krefeld,x\n")
        let metrics = try StudyMetrics(study: try StudyLoader.load(ties: [ties], nodes: nodes), options: .init(threads: 1))
        for attribute in ["region", "district"] where (try? metrics.groups(by: attribute)) != nil {
            #expect(try !metrics.comparesGroups(by: attribute))
            #expect(try metrics.brokerage(by: attribute).zScore[.coordinator]!.allSatisfy(\.isNaN))
            #expect(try metrics.networkEIIndex(by: attribute).isNaN)
            #expect(try metrics.scores(.eiIndex, by: attribute).values.allSatisfy(\.isNaN))
            #expect(try metrics.assortativity(by: attribute).isNaN)
            #expect(try metrics.eiIndexTest(by: attribute).pGreaterOrEqual.isNaN)
            #expect(try metrics.undefinedGroupsWarning(by: attribute)
                    == "the attribute 'region' has one value only: brokerage, E-I indices and assortativity by it are undefined (empty)")
        }
        // Two values: defined, and equal to the metrics module's.
        #expect(try metrics.comparesGroups(by: "sector"))
        #expect(try metrics.brokerage(by: "sector").counts == metrics.graph.brokerage(groups: metrics.groups(by: "sector")).counts)
        #expect(try metrics.undefinedGroupsWarning(by: "sector") == nil)
    }
}
