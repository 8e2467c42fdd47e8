import Foundation
import Testing
import TestSupport
import WeakTies
@testable import WeakTiesAnalysis

/// A seeded random study (ties and nodes tables as CSV): innovations I0…, partners P0… of a few types
/// and two regions, some ties strong and some weak, some pairs mentioned twice, a few isolates.
func randomStudy(_ dir: TemporaryDirectory, seed: UInt64, actors: Int = 14, ties: Int = 22, weights: Bool = false) throws -> Study {
    var rng = SeededRandom(seed: seed)
    let innovations = max(2, actors / 4)
    func id(_ v: Int) -> String { v < innovations ? "I\(v)" : "P\(v - innovations)" }
    var rows = ["source,target,strength,interview,coder" + (weights ? ",weight" : "")]
    for _ in 0..<ties {
        let a = Int.random(in: 0..<actors, using: &rng)
        var b = Int.random(in: 0..<actors, using: &rng)
        if a == b { b = (a + 1) % actors }
        let strength = Bool.random(using: &rng) ? "strong" : "weak"
        let weight = weights ? ",\(Int.random(in: 1...5, using: &rng))" : ""
        rows.append("\(id(a)),\(id(b)),\(strength),INT-\(Int.random(in: 1...4, using: &rng)),K\(Int.random(in: 1...2, using: &rng))\(weight)")
    }
    let types = ["public_admin", "business", "welfare", ""]
    var nodes = ["id,label,kind,partner_type,region"]
    for v in 0..<actors {
        let kind = v < innovations ? "innovation" : "partner"
        let type = v < innovations ? "" : types[Int.random(in: 0..<types.count, using: &rng)]
        nodes.append("\(id(v)),Actor \(id(v)),\(kind),\(type),\(Bool.random(using: &rng) ? "Krefeld" : "Mönchengladbach")")
    }
    return try StudyLoader.load(ties: [dir.write("ties-\(seed).csv", rows.joined(separator: "\n") + "\n")],
                                nodes: dir.write("nodes-\(seed).csv", nodes.joined(separator: "\n") + "\n"))
}

/// Whether the graph stays connected between the ends of `edge` without it (breadth-first search).
func endsConnected(_ g: Graph, without edge: Int) -> Bool {
    let s = Int(g.edgeSources[edge]), t = Int(g.edgeTargets[edge])
    var seen = [Bool](repeating: false, count: g.nodeCount)
    var queue = [s]
    seen[s] = true
    while let v = queue.popLast() {
        for e in g.edges(of: Int32(v)) where Int(e) != edge {
            let w = Int(g.opposite(of: Int32(v), along: e))
            if !seen[w] { seen[w] = true; queue.append(w) }
        }
    }
    return seen[t]
}

@Suite struct StudyMetricsTests {
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func valuesAreTheMetricsModulesOnRandomStudies(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: seed)
        let metrics = try StudyMetrics(study: study, options: .init(threads: 1))
        let g = study.graph(attributes: false)
        // Normalised betweenness: the metrics module's own normalisation, and the definition.
        let normalised = try g.betweenness(BetweennessOptions(normalized: true, threads: 1)).nodes.values
        #expect(try metrics.scores(.betweennessNormalized).values == normalised)
        let raw = try metrics.scores(.betweenness).values
        let n = Double(g.nodeCount)
        for v in 0..<g.nodeCount { #expect(abs(raw[v] * 2 / ((n - 1) * (n - 2)) - normalised[v]) < 1e-12) }
        // Closeness came with betweenness's traversals (asked for first): the same bits as its own.
        #expect(try metrics.scores(.closeness).values.elementsEqual(try g.closeness(threads: 1).closeness.values) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(try metrics.scores(.harmonic).values == g.closeness(threads: 1).harmonic.values)
        #expect(try metrics.structuralHoles() == g.structuralHoles())
        // Granovetter per actor against brute force: a bridge is a tie whose removal separates its ends.
        let isBridge = (0..<g.edgeCount).map { !endsConnected(g, without: $0) }
        #expect(metrics.isBridge == isBridge)
        let isWeak = study.ties.strength.map { $0 == .weak }
        for v in 0..<g.nodeCount {
            let incident = (0..<g.edgeCount).filter { Int(g.edgeSources[$0]) == v || Int(g.edgeTargets[$0]) == v }
            let counts = metrics.granovetter(of: v)
            #expect(counts.bridges == incident.count { isBridge[$0] })
            #expect(counts.weakBridges == incident.count { isBridge[$0] && isWeak[$0] })
            #expect(try Int(metrics.scores(.bridges).values[v]) == counts.bridges)
        }
        let whole = metrics.granovetter
        #expect(whole.bridges == isBridge.count { $0 })
        #expect(whole.weakBridges == zip(isBridge, isWeak).count { $0 && $1 })
        #expect(metrics.components.count == g.connectedComponents().count)
    }

    /// Innovations without a partner type form the group `innovation`: an innovation's ties to partners
    /// are external, its ties to other innovations internal (the report's and the metrics' definition).
    @Test func partnerTypeGroupsInnovationsTogether() throws {
        let dir = TemporaryDirectory()
        let study = try StudyLoader.load(
            ties: [dir.write("ties.csv", "source,target,strength\nI1,P1,strong\nI1,I2,weak\nI1,P2,weak\nP1,P2,strong\n")],
            nodes: dir.write("nodes.csv", "id,label,kind,partner_type\nI1,I1,innovation,\nI2,I2,innovation,\nP1,P1,partner,Business\nP2,P2,partner,\n"))
        let metrics = try StudyMetrics(study: study)
        let index = { Int(study.actorIndex(of: $0)!) }
        let groups = try metrics.groups(by: "partner_type")
        #expect(groups[index("I1")] == "innovation" && groups[index("I2")] == "innovation")
        #expect(groups[index("P1")] == "business" && groups[index("P2")] == nil)
        // I1: P1 external, I2 internal, P2 without a group left out: (1 − 1) / 2 = 0.
        let ei = try metrics.scores(.eiIndex, by: "partner_type").values
        #expect(ei[index("I1")] == 0)
        // Other attributes keep innovations without a value out of every group.
        #expect(try metrics.groups(by: "region").allSatisfy { $0 == nil })
        #expect(throws: StudyMetricsError.self) { try metrics.groups(by: "colour") }
    }

    @Test func valuesAreComputedOnceWhateverTheThreads() throws {
        let dir = TemporaryDirectory()
        let metrics = try StudyMetrics(study: randomStudy(dir, seed: 99, actors: 40, ties: 90), options: .init(threads: 1))
        let results = Parallel.map(16) { _ in try! metrics.scores(.betweenness).values }
        #expect(results.allSatisfy { $0 == results[0] })
        // The node scores do not depend on whether edge scores are computed beside them.
        #expect(try metrics.betweenness(edges: true).nodes.values == results[0])
        // After a run with edge scores, asking for nodes only reuses it.
        let fresh = try StudyMetrics(study: metrics.study, options: .init(threads: 1))
        let full = try fresh.betweenness(edges: true)
        #expect(try fresh.betweenness(edges: false) == full)
    }

    @Test func weightErrorsSpeakOfTheData() throws {
        let dir = TemporaryDirectory()
        let study = try randomStudy(dir, seed: 3)
        #expect(throws: StudyMetricsError.noWeightColumn) { try StudyMetrics(study: study, options: .init(weights: .distance)) }
        for error in [StudyMetricsError.noWeightColumn, .missingWeight(tie: "a – b"), .unknownAttribute("x", available: ["region"])] {
            #expect(!error.description.contains("--"), "\(error.description)")
        }
        // Strength weights without a weight column use mention counts.
        let metrics = try StudyMetrics(study: study, options: .init(weights: .strength))
        #expect(metrics.edgeWeights == .strength(study.mentionCounts.map(Double.init)))
        let weighted = try StudyMetrics(study: randomStudy(dir, seed: 4, weights: true), options: .init(weights: .distance))
        #expect(weighted.edgeWeights == .distance(weighted.study.tieWeights!))
    }

    @Test func summaryAndOverviewReadTheSameNumbers() throws {
        let dir = TemporaryDirectory()
        let metrics = try StudyMetrics(study: randomStudy(dir, seed: 5, actors: 30, ties: 20))
        let summary = StudySummary(metrics)
        let overview = try StudyOverview(metrics: metrics)
        #expect(summary.components == overview.components)
        #expect(summary.interviews == overview.interviews)
        #expect(summary.isolates == (0..<metrics.graph.nodeCount).count { metrics.graph.degree(of: Int32($0)) == 0 })
        #expect(overview.granovetter == metrics.granovetter)
        #expect(overview.eiPartnerType == (try metrics.networkEIIndex(by: "partner_type")))
    }
}
