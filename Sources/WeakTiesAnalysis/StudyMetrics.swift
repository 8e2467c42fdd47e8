import Foundation
import WeakTiesGraph
import WeakTiesMetrics
import WeakTiesStudy

/// Every metric of one study, computed once on request and kept: the single place of each study-level
/// number that the metrics table, the report, the maps and the summary show.
///
/// Values are computed lazily on first access and cached (thread-safe), so a caller pays only for what
/// it reads: `validate` reads the components, `metrics` the columns asked for, the report what its
/// pages show. Normalisations live in the metrics module (`BetweennessResult.normalized`); weights are
/// resolved once from `Options.weights`; actor groups for mixing metrics once per attribute
/// (`groups(by:)`). Undefined values are NaN, never 0.
public final class StudyMetrics: @unchecked Sendable {
    /// How weights enter and how the costly metrics are computed.
    public struct Options: Sendable, Equatable {
        /// How tie weights enter path metrics, Burt's measures and communities.
        public var weights: WeightMode
        /// Worker threads for betweenness and closeness. Sums over sources are taken in fixed blocks of
        /// 256 sources combined in order, so every thread count gives the same bytes.
        public var threads: Int
        /// Estimate betweenness from this many sampled sources (nil: exact).
        public var sampleSources: Int?
        /// Seed of sampling, permutation tests and community detection.
        public var seed: UInt64
        /// Permutations of the E-I test per attribute (0: no test; the rescaled index is still computed).
        public var permutations: Int

        /// Options with the given values; the defaults are unweighted, exact, on all cores, seed 1 and
        /// 1000 permutations.
        public init(weights: WeightMode = .none, threads: Int = availableCores, sampleSources: Int? = nil,
                    seed: UInt64 = 1, permutations: Int = 1000) {
            self.weights = weights
            self.threads = threads
            self.sampleSources = sampleSources
            self.seed = seed
            self.permutations = permutations
        }
    }

    /// The study measured.
    public let study: Study
    /// The study's graph, same indices as actors and ties.
    public let graph: Graph
    /// The options the metrics are computed with.
    public let options: Options
    /// Per tie: whether its aggregated strength is weak.
    public let isWeak: [Bool]
    /// The weights `options.weights` resolves to.
    public let edgeWeights: EdgeWeights

    private let lock = NSLock()
    private var cache: [String: Any] = [:]

    /// - Throws: `StudyMetricsError` when the weights asked for cannot be had.
    /// - Complexity: O(n + m) (the graph); every metric is computed on first access.
    public init(study: Study, options: Options = Options()) throws {
        self.study = study
        self.options = options
        graph = study.graph(attributes: false)
        isWeak = study.ties.strength.map { $0 == .weak }
        edgeWeights = try Self.resolveWeights(study: study, mode: options.weights)
    }

    private func cached<T>(_ key: String, as type: T.Type = T.self) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return cache[key] as? T
    }

    /// The value under `key`, computed on first use. The lock is not held while computing, so threads
    /// reading other values never wait for a long computation; two threads asking for the same value at
    /// once may both compute it (the same value, deterministically) and the first one stored is kept.
    private func memo<T>(_ key: String, _ compute: () throws -> T) rethrows -> T {
        if let value: T = cached(key) { return value }
        let value = try compute()
        lock.lock()
        defer { lock.unlock() }
        if let stored = cache[key] as? T { return stored }
        cache[key] = value
        return value
    }

    // MARK: Node metrics

    /// The scores of one node metric (see `NodeMetric` for definitions and normalisation).
    /// - Throws: `MetricError` (weights the metric cannot use).
    public func scores(_ metric: NodeMetric) throws -> NodeScores {
        let g = graph
        switch metric {
        case .degree: return memo("degree") { g.degree() }
        case .degreeCentrality: return memo("degree_centrality") { g.degreeCentrality() }
        case .strength: return try memo("strength") { try g.strength(weights: edgeWeights) }
        case .betweenness: return try betweenness(edges: false).nodes
        case .betweennessNormalized:
            return try memo("betweenness_normalized") { try betweenness(edges: false).normalized(nodeCount: g.nodeCount).nodes }
        case .closeness: return try closeness().closeness
        case .harmonic: return try closeness().harmonic
        case .eigenvector: return memo("eigenvector") { g.eigenvectorCentrality() }
        case .pagerank: return try memo("pagerank") { try g.pageRank() }
        case .clustering: return clustering.local
        case .coreNumber: return memo("core_number") { g.coreNumber() }
        case .constraint: return try structuralHoles().constraint
        case .effectiveSize: return try structuralHoles().effectiveSize
        case .efficiency: return try structuralHoles().efficiency
        case .hierarchy: return try structuralHoles().hierarchy
        case .egoDensity: return try structuralHoles().egoDensity
        case .weakTieShare: return try memo("weak_tie_share") { try g.weakTieShare(isWeak: isWeak) }
        case .bridges: return NodeScores(granovetterPerActor[0])
        case .weakBridges: return NodeScores(granovetterPerActor[1])
        case .localBridges: return NodeScores(granovetterPerActor[2])
        case .weakLocalBridges: return NodeScores(granovetterPerActor[3])
        case .community: return NodeScores(try communities().communityOfNode.map(Double.init))
        case .communityExternalShare:
            return try memo("community_external_share") { try g.communityExternalShare(try communities().communityOfNode) }
        }
    }

    /// Betweenness, raw (pairs counted once; see Docs/Metrics/Betweenness.md), with edge scores when
    /// `edges`. Computed once: asking for edges after a nodes-only run computes it again with them.
    public func betweenness(edges: Bool) throws -> BetweennessResult {
        try memo("betweenness_with_edges_\(edges)") {
            if !edges, let full: BetweennessResult = cached("betweenness_with_edges_true") { return full }
            // Closeness rides along where it is exact and unweighted (the same bits as `closeness()`'s own
            // traversals), so a report that needs both searches from every source once.
            let result = try graph.betweenness(BetweennessOptions(weights: edgeWeights, threads: options.threads,
                                                                  sampleSources: options.sampleSources, seed: options.seed,
                                                                  edgeScores: edges, closeness: cached("closeness", as: ClosenessResult.self) == nil))
            if let closeness = result.closeness { _ = memo("closeness") { closeness } }
            return result
        }
    }

    /// Wasserman–Faust closeness and harmonic centrality, with path lengths from the study's weights
    /// (hops when unweighted). 0 closeness for an actor that reaches nobody.
    /// - Throws: `MetricError` (weights the metric cannot use).
    public func closeness() throws -> ClosenessResult {
        try memo("closeness") { try graph.closeness(weights: edgeWeights, threads: options.threads) }
    }

    /// Local clustering coefficients (0 for fewer than two neighbours) and the transitivity of the
    /// network (NaN without a connected triple); unweighted.
    public var clustering: ClusteringResult { memo("clustering") { graph.clustering() } }

    /// Burt's measures with the study's weights.
    public func structuralHoles() throws -> StructuralHoles {
        try memo("structural_holes") { try graph.structuralHoles(weights: edgeWeights) }
    }

    /// Louvain communities, seeded by `options.seed`.
    public func communities() throws -> Communities {
        try memo("communities") { try graph.louvainCommunities(weights: edgeWeights, seed: options.seed) }
    }

    /// Connected components (each isolate one of its own), numbered by their smallest actor index.
    public var components: Components { memo("components") { graph.connectedComponents() } }

    // MARK: Ties

    /// Each actor's position in `Actor.byLabel` order (labels lower-cased once, not twice per
    /// comparison): lists sorted by it are sorted by label, then id.
    public var labelRanks: [Int32] {
        memo("label_ranks") {
            var rank = [Int32](repeating: 0, count: study.actors.count)
            for (position, v) in Actor.sortedByLabel(Array(study.actors.indices), in: study.actors).enumerated() { rank[v] = Int32(position) }
            return rank
        }
    }

    /// Per tie: whether it is a bridge (its removal disconnects its ends).
    public var isBridge: [Bool] {
        memo("is_bridge") {
            var flags = [Bool](repeating: false, count: graph.edgeCount)
            for e in graph.bridges() { flags[Int(e)] = true }
            return flags
        }
    }

    /// Per tie: the span of a local bridge (the distance between its ends without it; infinite for a
    /// bridge), NaN where the tie is no local bridge.
    public var localBridgeSpan: [Double] {
        memo("local_bridge_span") {
            var span = [Double](repeating: .nan, count: graph.edgeCount)
            for (edge, s) in graph.localBridges() { span[Int(edge)] = s }
            return span
        }
    }

    /// Granovetter's test per actor: its bridges, weak bridges, local bridges, weak local bridges.
    private var granovetterPerActor: [[Double]] {
        memo("granovetter_per_actor") {
            let g = graph, bridge = isBridge, span = localBridgeSpan
            var perNode = [[Double]](repeating: [Double](repeating: 0, count: g.nodeCount), count: 4)
            for e in 0..<g.edgeCount {
                let s = Int(g.edgeSources[e]), t = Int(g.edgeTargets[e])
                func add(_ k: Int) {
                    perNode[k][s] += 1
                    if t != s { perNode[k][t] += 1 }  // a self-loop counts once
                }
                if bridge[e] { add(0); if isWeak[e] { add(1) } }
                if !span[e].isNaN { add(2); if isWeak[e] { add(3) } }
            }
            return perNode
        }
    }

    /// Granovetter's counts for one actor's ties.
    public func granovetter(of actor: Int) -> GranovetterCounts {
        let c = granovetterPerActor
        return GranovetterCounts(bridges: Int(c[0][actor]), weakBridges: Int(c[1][actor]),
                                 localBridges: Int(c[2][actor]), weakLocalBridges: Int(c[3][actor]))
    }

    /// Granovetter's test for the study: how many bridges and local bridges there are, and how many are weak.
    public var granovetter: GranovetterCounts {
        memo("granovetter") {
            let bridge = isBridge, span = localBridgeSpan
            let bridges = (0..<graph.edgeCount).filter { bridge[$0] }
            let local = (0..<graph.edgeCount).filter { !span[$0].isNaN }
            return GranovetterCounts(bridges: bridges.count, weakBridges: bridges.count { isWeak[$0] },
                                     localBridges: local.count, weakLocalBridges: local.count { isWeak[$0] })
        }
    }

    // MARK: The network

    /// Ties / possible ties (n(n−1)/2); NaN with fewer than two actors.
    public var density: Double {
        let n = Double(graph.nodeCount)
        return graph.nodeCount > 1 ? Double(graph.edgeCount) / (n * (n - 1) / 2) : .nan
    }

    /// Share of the study's ties that are weak; NaN without ties.
    public var weakTieShare: Double {
        graph.edgeCount == 0 ? .nan : Double(isWeak.count { $0 }) / Double(graph.edgeCount)
    }

    /// Actors without a tie.
    public var isolates: Int { (0..<graph.nodeCount).count { graph.degree(of: Int32($0)) == 0 } }

    // MARK: Group mixing

    /// The group of every actor by `attribute` (`region`, `sector`, `partner_type`, `kind` or a nodes
    /// column; trimmed, empty as nil). For `partner_type`, innovations without one form the group
    /// `innovation`, so an innovation's ties to partners count as external and its ties to other
    /// innovations as internal (the definition the report always used; see Docs/Metrics/GroupMixing.md).
    /// - Throws: `StudyMetricsError.unknownAttribute`.
    public func groups(by attribute: String) throws -> [String?] {
        try memo("groups\u{0}" + attribute) {
            guard let values = study.nodeAttributeValues(attribute) else {
                throw StudyMetricsError.unknownAttribute(attribute, available: study.nodeAttributeNames)
            }
            guard normalizedHeaderName(attribute) == "partner_type" else { return values }
            return zip(values, study.actors).map { value, actor in value ?? (actor.kind == .innovation ? "innovation" : nil) }
        }
    }

    /// How many distinct known values (groups) `attribute` has among the actors.
    /// (Read by every group comparison of the attribute: kept, not counted again.)
    public func knownGroupCount(by attribute: String) throws -> Int {
        let groups = try groups(by: attribute)
        return memo("known_groups\u{0}" + attribute) { Set(groups.compactMap { $0 }).count }
    }

    /// Whether measures that compare groups (brokerage, E-I, assortativity) are defined by `attribute`:
    /// with fewer than two known groups every tie is "internal" and every broker a "coordinator" of the
    /// one group, so their values would be confident and meaningless; they are NaN instead.
    public func comparesGroups(by attribute: String) throws -> Bool { try knownGroupCount(by: attribute) >= 2 }

    /// A message naming `attribute` when it has fewer than two known values (nil otherwise), for
    /// outputs to show beside the NaN values.
    public func undefinedGroupsWarning(by attribute: String) throws -> String? {
        let count = try knownGroupCount(by: attribute)
        guard count < 2 else { return nil }
        return "the attribute '\(attribute)' has \(count == 0 ? "no values" : "one value only")"
            + ": brokerage, E-I indices and assortativity by it are undefined (empty)"
    }

    /// A node-level mixing metric by `attribute`.
    public func scores(_ metric: GroupMetric, by attribute: String) throws -> NodeScores {
        let groups = try groups(by: attribute)
        let defined = try comparesGroups(by: attribute)
        return try memo("\(metric.rawValue)\u{0}\(attribute)") {
            switch metric {
            case .eiIndex where !defined: NodeScores([Double](repeating: .nan, count: graph.nodeCount))
            case .eiIndex: try graph.eiIndex(groups: groups)
            case .blau: try graph.blauIndex(groups: groups)
            case .iqv: try graph.iqv(groups: groups)
            case .outsideShare: try graph.outsideShare(groups: groups)
            }
        }
    }

    /// Gould–Fernandez brokerage by `attribute`.
    /// Undefined (NaN) with fewer than two known groups (`comparesGroups(by:)`).
    public func brokerage(by attribute: String) throws -> Brokerage {
        let groups = try groups(by: attribute)
        guard try comparesGroups(by: attribute) else { return .undefined(nodeCount: graph.nodeCount) }
        return try memo("brokerage\u{0}" + attribute) { try graph.brokerage(groups: groups) }
    }

    /// The whole network's E-I index by `attribute` (NaN with fewer than two known groups).
    public func networkEIIndex(by attribute: String) throws -> Double {
        let groups = try groups(by: attribute)
        guard try comparesGroups(by: attribute) else { return .nan }
        return try memo("network_ei\u{0}" + attribute) { try graph.networkEIIndex(groups: groups) }
    }

    /// The E-I index of each group by `attribute` (NaN with fewer than two known groups).
    public func groupEIIndex(by attribute: String) throws -> [(String, Double)] {
        let groups = try groups(by: attribute)
        let defined = try comparesGroups(by: attribute)
        return try memo("group_ei\u{0}" + attribute) {
            defined ? try graph.groupEIIndex(groups: groups) : Array(Set(groups.compactMap { $0 })).sorted().map { ($0, Double.nan) }
        }
    }

    /// The network E-I index's permutation test (`options.permutations`, at least 1, seeded; NaN with
    /// fewer than two known groups).
    public func eiIndexTest(by attribute: String) throws -> EIIndexTest {
        let groups = try groups(by: attribute)
        guard try comparesGroups(by: attribute) else { return .undefined(permutations: max(1, options.permutations), seed: options.seed) }
        return try memo("ei_test\u{0}" + attribute) {
            try graph.eiIndexTest(groups: groups, permutations: max(1, options.permutations), seed: options.seed)
        }
    }

    /// QAP graph correlation of the ties with "same `attribute`" (`sna::gcor`), with its QAP p-values
    /// — the E-I test's permutations, sides swapped (exact here: a study graph is simple and
    /// undirected; see `Graph.sameGroupCorrelation`). NaN (p-values too) with fewer than two known
    /// groups or where r is undefined.
    public func sameGroupCorrelation(by attribute: String) throws -> (r: Double, pGreaterOrEqual: Double, pLessOrEqual: Double) {
        let groups = try groups(by: attribute)
        guard try comparesGroups(by: attribute) else { return (.nan, .nan, .nan) }
        let r = try memo("gcor\u{0}" + attribute) { try graph.sameGroupCorrelation(groups: groups) }
        guard options.permutations > 0, !r.isNaN else { return (r, .nan, .nan) }
        let test = try eiIndexTest(by: attribute)
        return (r, test.pLessOrEqual, test.pGreaterOrEqual)
    }

    /// QAP regression of tie presence on "same `attribute`" for each of `attributes` (predictors named
    /// `same_<attribute>`), with `options.permutations` seeded relabellings (`Graph.qapRegression`).
    /// - Throws: `StudyMetricsError.unknownAttribute`; `.tooFewGroups` for an attribute with fewer than
    ///   two known values (its "same" indicator would be constant); `MetricError` for collinear ones.
    public func qapRegression(on attributes: [String], null: QAPNull = .dsp) throws -> QAPRegression {
        var predictors: [(name: String, groups: [String?])] = []
        for attribute in attributes {
            let count = try knownGroupCount(by: attribute)
            guard count >= 2 else { throw StudyMetricsError.tooFewGroups(attribute, count: count) }
            predictors.append(("same_" + normalizedHeaderName(attribute), try groups(by: attribute)))
        }
        let key = "qap_regression\u{0}\(null.rawValue)\u{0}" + attributes.joined(separator: "\u{0}")
        return try memo(key) {
            try graph.qapRegression(predictors: predictors, null: null, permutations: options.permutations, seed: options.seed)
        }
    }

    /// Nominal assortativity by `attribute` (NaN with fewer than two known groups).
    public func assortativity(by attribute: String) throws -> Double {
        let groups = try groups(by: attribute)
        guard try comparesGroups(by: attribute) else { return .nan }
        return try memo("assortativity\u{0}" + attribute) { try graph.nominalAssortativity(groups: groups) }
    }

    // MARK: Weights

    static func resolveWeights(study: Study, mode: WeightMode) throws -> EdgeWeights {
        if mode == .none { return .none }
        let column = study.tieWeights
        if let column, let missing = column.firstIndex(where: \.isNaN) {
            throw StudyMetricsError.missingWeight(tie: study.actors[Int(study.ties.source[missing])].id + " – "
                                                  + study.actors[Int(study.ties.target[missing])].id)
        }
        switch mode {
        case .none: return .none
        case .strength: return .strength(column ?? study.mentionCounts.map(Double.init))
        case .distance:
            guard let column else { throw StudyMetricsError.noWeightColumn }
            return .distance(column)
        }
    }
}

/// How many ties are bridges or local bridges, and how many of those are weak.
public struct GranovetterCounts: Sendable, Equatable {
    /// Ties that are bridges (their removal disconnects their ends).
    public let bridges: Int
    /// Of those, the weak ties.
    public let weakBridges: Int
    /// Ties that are local bridges (their ends have no common neighbour; bridges included).
    public let localBridges: Int
    /// Of those, the weak ties.
    public let weakLocalBridges: Int

    /// Counts as given.
    public init(bridges: Int, weakBridges: Int, localBridges: Int, weakLocalBridges: Int) {
        self.bridges = bridges
        self.weakBridges = weakBridges
        self.localBridges = localBridges
        self.weakLocalBridges = weakLocalBridges
    }
}

/// A metrics request the study cannot meet. Messages speak of the data (a command line adds its flags).
public enum StudyMetricsError: Error, Equatable, CustomStringConvertible {
    /// The node attribute named is neither a standard attribute nor a nodes-table column; `available`
    /// lists the names there are.
    case unknownAttribute(String, available: [String])
    /// Distance weights were asked for but the ties table has no weight column.
    case noWeightColumn
    /// Weights were asked for but the tie (named "source id – target id") has no coded weight.
    case missingWeight(tie: String)
    /// The attribute has `count` (0 or 1) known values, too few for a comparison by "same attribute".
    case tooFewGroups(String, count: Int)

    /// The message, in terms of the data.
    public var description: String {
        switch self {
        case let .unknownAttribute(name, available):
            "unknown node attribute '\(name)' (available: \(available.joined(separator: ", ")))"
        case .noWeightColumn:
            "distance weights need a 'weight' column in the ties table with a value for every tie"
        case let .tooFewGroups(name, count):
            "the attribute '\(name)' has \(count == 0 ? "no values" : "one value only"): \"same \(name)\" would be the same for every pair of actors"
        case let .missingWeight(tie):
            "the tie \(tie) has no coded weight; strength or distance weights need a weight for every tie (without a weight column, strength weights use mention counts)"
        }
    }
}
