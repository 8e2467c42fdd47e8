import Foundation
import Testing
import TestSupport
import WeakTiesGraph
@testable import WeakTiesMetrics

/// A reference graph from Fixtures/<name>.json (networkx/igraph values; see Fixtures/README.md).
struct Reference {
    let graph: Graph
    let ids: [String]
    let metrics: [String: Any]
    let weights: [Double]?
    let groups: [String?]?

    init(_ name: String) throws {
        let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")!
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let nodes = json["nodes"] as! [[String: Any]]
        let edges = json["edges"] as! [[String: Any]]
        var builder = GraphBuilder(directed: json["directed"] as? Bool ?? false)
        ids = nodes.map { $0["id"] as! String }
        for id in ids { builder.addNode(id) }
        for edge in edges {
            try builder.addEdge(builder.addNode(edge["source"] as! String), builder.addNode(edge["target"] as! String))
        }
        graph = try builder.build()
        metrics = json["metrics"] as! [String: Any]
        weights = edges.first?["weight"] != nil ? edges.map { ($0["weight"] as! NSNumber).doubleValue } : nil
        if let attribute = json["group_attribute"] as? String {
            groups = nodes.map { $0[attribute] as? String }
        } else {
            groups = nil
        }
    }

    /// The reference values of a node metric, in node order (null → NaN).
    func nodeValues(_ metric: String) -> [Double] {
        let map = metrics[metric] as! [String: Any]
        return ids.map { id in (map[id] as? NSNumber)?.doubleValue ?? .nan }
    }

    func edgeIndex(_ source: String, _ target: String) -> Int {
        let u = graph.index(of: source)!, v = graph.index(of: target)!
        return (0..<graph.edgeCount).first {
            (graph.edgeSources[$0] == u && graph.edgeTargets[$0] == v) || (graph.edgeSources[$0] == v && graph.edgeTargets[$0] == u)
        }!
    }
}

/// Relative tolerance 1e-9 with an absolute floor of 1e-12 near zero; NaN equals NaN.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= max(relative * max(abs(a), abs(b)), 1e-12)
}

func expectClose(_ actual: [Double], _ expected: [Double], _ label: String, relative: Double = 1e-9) {
    #expect(actual.count == expected.count, "\(label): count")
    for (i, (a, b)) in zip(actual, expected).enumerated() where !close(a, b, relative: relative) {
        Issue.record("\(label)[\(i)]: \(a) ≠ reference \(b)")
    }
}

let referenceGraphs = ["kite", "karate", "florentine"]

@Suite struct ReferenceTests {
    @Test(arguments: referenceGraphs)
    func centrality(name: String) throws {
        let r = try Reference(name)
        let g = r.graph
        expectClose(g.degree().values, r.nodeValues("degree"), "\(name) degree")
        expectClose(g.degreeCentrality().values, r.nodeValues("degree_centrality"), "\(name) degree_centrality")
        for threads in [1, 2] {
            let raw = try g.betweenness(BetweennessOptions(threads: threads))
            expectClose(raw.nodes.values, r.nodeValues("betweenness"), "\(name) betweenness (\(threads) threads)")
            let normalized = try g.betweenness(BetweennessOptions(normalized: true, threads: threads))
            expectClose(normalized.nodes.values, r.nodeValues("betweenness_normalized"), "\(name) betweenness_normalized")
            var expectedEdges = [Double](repeating: .nan, count: g.edgeCount)
            for item in r.metrics["edge_betweenness_normalized"] as! [[String: Any]] {
                expectedEdges[r.edgeIndex(item["source"] as! String, item["target"] as! String)] = (item["value"] as! NSNumber).doubleValue
            }
            expectClose(normalized.edges.values, expectedEdges, "\(name) edge_betweenness_normalized")
        }
        let closeness = try g.closeness()
        expectClose(closeness.closeness.values, r.nodeValues("closeness"), "\(name) closeness")
        expectClose(closeness.harmonic.values, r.nodeValues("harmonic"), "\(name) harmonic")
        expectClose(g.eigenvectorCentrality().values, r.nodeValues("eigenvector"), "\(name) eigenvector")
        expectClose(try g.pageRank().values, r.nodeValues("pagerank"), "\(name) pagerank")
        expectClose(g.clustering().local.values, r.nodeValues("clustering"), "\(name) clustering")
        expectClose(g.coreNumber().values, r.nodeValues("core_number"), "\(name) core_number")
    }

    @Test func weightedBetweennessUsesWeightsAsDistances() throws {
        let r = try Reference("karate")
        let result = try r.graph.betweenness(BetweennessOptions(weights: .distance(r.weights!)))
        expectClose(result.nodes.values, r.nodeValues("betweenness_weighted_distance"), "karate weighted betweenness")
    }

    @Test(arguments: referenceGraphs)
    func structuralHoles(name: String) throws {
        let r = try Reference(name)
        let holes = try r.graph.structuralHoles()
        expectClose(holes.constraint.values, r.nodeValues("constraint"), "\(name) constraint")
        expectClose(holes.effectiveSize.values, r.nodeValues("effective_size"), "\(name) effective_size")
        expectClose(holes.efficiency.values, r.nodeValues("efficiency"), "\(name) efficiency")
        expectClose(holes.hierarchy.values, r.nodeValues("hierarchy"), "\(name) hierarchy")
        expectClose(holes.egoDensity.values, r.nodeValues("ego_density"), "\(name) ego_density")
    }

    @Test(arguments: referenceGraphs)
    func bridgesAndComponents(name: String) throws {
        let r = try Reference(name)
        let g = r.graph
        let expectedBridges = (r.metrics["bridges"] as! [[String: Any]]).map {
            Int32(r.edgeIndex($0["source"] as! String, $0["target"] as! String))
        }.sorted()
        #expect(g.bridges() == expectedBridges)
        var expectedLocal: [Int32: Double] = [:]
        for item in r.metrics["local_bridges"] as! [[String: Any]] {
            let span = (item["span"] as? NSNumber)?.doubleValue ?? ((item["span"] as? String) == "inf" ? .infinity : .nan)
            expectedLocal[Int32(r.edgeIndex(item["source"] as! String, item["target"] as! String))] = span
        }
        let local = g.localBridges()
        #expect(local.map(\.edge) == expectedLocal.keys.sorted())
        for (edge, span) in local { #expect(span == expectedLocal[edge], "\(name) local bridge \(edge)") }
        let expectedComponents = (r.metrics["components"] as! [[String]]).map { Set($0) }
        let components = g.connectedComponents()
        let ours = (0..<components.count).map { c in Set(r.ids.indices.filter { components.componentOfNode[$0] == c }.map { r.ids[$0] }) }
        #expect(Set(ours) == Set(expectedComponents))
    }

    @Test func groupMixingOnKarate() throws {
        let r = try Reference("karate")
        let groups = r.groups!
        expectClose(try r.graph.eiIndex(groups: groups).values, r.nodeValues("ei_index"), "karate ei_index")
        #expect(close(try r.graph.networkEIIndex(groups: groups), (r.metrics["ei_index_network"] as! NSNumber).doubleValue))
        #expect(close(try r.graph.nominalAssortativity(groups: groups), (r.metrics["attribute_assortativity"] as! NSNumber).doubleValue))
    }
}
