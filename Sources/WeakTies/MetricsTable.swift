import WeakTiesGraph
import WeakTiesIO
import WeakTiesMetrics
import WeakTiesStudy

/// The metrics of a study's actors and ties, computed once; CSV and JSON writers only format it.
public struct MetricsTable: Sendable {
    /// The node metrics that can be asked for, in output order.
    public static let nodeMetricNames = [
        "degree", "degree_centrality", "strength", "betweenness", "betweenness_normalized", "closeness", "harmonic",
        "eigenvector", "pagerank", "clustering", "core_number", "constraint", "effective_size", "efficiency",
        "hierarchy", "ego_density", "weak_tie_share", "bridges", "weak_bridges", "local_bridges", "weak_local_bridges",
        "community", "community_external_share",
    ]

    public struct Options: Sendable {
        /// Node metrics to compute (names from `nodeMetricNames`).
        public var metrics: [String]
        /// Node attributes for E-I and Blau columns (`region`, `partner_type`, `sector`, `kind` or any extra column).
        public var attributes: [String]
        /// How tie weights enter path metrics and Burt's measures.
        public var weights: WeightMode
        public var threads: Int
        /// Estimate betweenness from this many sampled sources (nil: exact).
        public var sampleSources: Int?
        /// Seed for sampling, permutation tests and community detection.
        public var seed: UInt64
        /// Permutations of the E-I test per attribute (0: no test).
        public var permutations: Int

        public init(metrics: [String] = MetricsTable.nodeMetricNames, attributes: [String] = [],
                    weights: WeightMode = .none, threads: Int = availableCores, sampleSources: Int? = nil,
                    seed: UInt64 = 1, permutations: Int = 1000) {
            self.metrics = metrics
            self.attributes = attributes
            self.weights = weights
            self.threads = threads
            self.sampleSources = sampleSources
            self.seed = seed
            self.permutations = permutations
        }
    }

    /// Where weights come from and what they mean.
    public enum WeightMode: String, Sendable, CaseIterable {
        /// Every tie counts 1.
        case none
        /// The tie's `weight` column (mean of its mentions' weights) as a strength, or, where the ties
        /// table has no weight column, its number of mentions; path lengths are 1/strength.
        case strength
        /// The tie's `weight` column as a length (requires the column).
        case distance
    }

    public let columns: [String]
    /// One row of values per actor, in `columns` order after `id`, `label`, `kind`.
    public let nodeValues: [[Double]]
    public let edgeColumns: [String]
    public let edgeValues: [[Double]]
    public let network: [(String, Double)]
    let study: Study

    /// Computes the table. - Throws: `MetricError` (bad weights) or `MetricsTableError`.
    public init(study: Study, options: Options = Options()) throws {
        self.study = study
        let g = study.graph()
        let weights = try MetricsTable.weights(study: study, graph: g, mode: options.weights)
        let wanted = Set(options.metrics)
        var columns: [String] = []
        var values: [[Double]] = []
        func add(_ name: String, _ scores: NodeScores) {
            guard wanted.contains(name) else { return }
            columns.append(name)
            values.append(scores.values)
        }
        let isWeak = study.ties.strength.map { $0 == .weak }
        add("degree", g.degree())
        add("degree_centrality", g.degreeCentrality())
        if wanted.contains("strength") { add("strength", try g.strength(weights: weights)) }
        var edgeBetweenness = [Double](repeating: .nan, count: g.edgeCount)
        if wanted.contains("betweenness") || wanted.contains("betweenness_normalized") {
            let raw = try g.betweenness(BetweennessOptions(weights: weights, threads: options.threads,
                                                           sampleSources: options.sampleSources, seed: options.seed))
            add("betweenness", raw.nodes)
            let n = Double(g.nodeCount)
            add("betweenness_normalized", NodeScores(raw.nodes.values.map { g.nodeCount > 2 ? $0 * 2 / ((n - 1) * (n - 2)) : 0 }))
            edgeBetweenness = raw.edges.values
        }
        if wanted.contains("closeness") || wanted.contains("harmonic") {
            let c = try g.closeness(weights: weights, threads: options.threads)
            add("closeness", c.closeness)
            add("harmonic", c.harmonic)
        }
        if wanted.contains("eigenvector") { add("eigenvector", g.eigenvectorCentrality()) }
        if wanted.contains("pagerank") { add("pagerank", try g.pageRank()) }
        let clustering = g.clustering()
        add("clustering", clustering.local)
        if wanted.contains("core_number") { add("core_number", g.coreNumber()) }
        if !wanted.isDisjoint(with: ["constraint", "effective_size", "efficiency", "hierarchy", "ego_density"]) {
            let holes = try g.structuralHoles(weights: weights == .none ? .none : weights)
            add("constraint", holes.constraint)
            add("effective_size", holes.effectiveSize)
            add("efficiency", holes.efficiency)
            add("hierarchy", holes.hierarchy)
            add("ego_density", holes.egoDensity)
        }
        add("weak_tie_share", try g.weakTieShare(isWeak: isWeak))
        // Granovetter's test per actor: its ties that are bridges or local bridges, and how many are weak.
        let bridges = Set(g.bridges())
        var span = [Double](repeating: .nan, count: g.edgeCount)
        for (edge, s) in g.localBridges() { span[Int(edge)] = s }
        var perNode = [[Double]](repeating: [Double](repeating: 0, count: g.nodeCount), count: 4)
        for e in 0..<g.edgeCount {
            let ends = [Int(g.edgeSources[e]), Int(g.edgeTargets[e])]
            for v in Set(ends) {
                if bridges.contains(Int32(e)) { perNode[0][v] += 1; if isWeak[e] { perNode[1][v] += 1 } }
                if !span[e].isNaN { perNode[2][v] += 1; if isWeak[e] { perNode[3][v] += 1 } }
            }
        }
        for (i, name) in ["bridges", "weak_bridges", "local_bridges", "weak_local_bridges"].enumerated() {
            add(name, NodeScores(perNode[i]))
        }
        var communities: Communities?
        if wanted.contains("community") || wanted.contains("community_external_share") {
            let found = try g.louvainCommunities(weights: weights, seed: options.seed)
            communities = found
            add("community", NodeScores(found.communityOfNode.map(Double.init)))
            add("community_external_share", try g.communityExternalShare(found.communityOfNode))
        }
        var network: [(String, Double)] = [
            ("nodes", Double(g.nodeCount)), ("ties", Double(g.edgeCount)),
            ("density", g.nodeCount > 1 ? Double(g.edgeCount) / (Double(g.nodeCount) * Double(g.nodeCount - 1) / 2) : .nan),
            ("components", Double(g.connectedComponents().count)), ("transitivity", clustering.transitivity),
            ("weak_tie_share", g.edgeCount == 0 ? .nan : Double(isWeak.count { $0 }) / Double(g.edgeCount)),
        ]
        for attribute in options.attributes {
            let groups = try MetricsTable.groups(study: study, attribute: attribute)
            let key = MetricsTable.snakeCase(attribute)
            columns.append("ei_" + key); values.append(try g.eiIndex(groups: groups).values)
            columns.append("blau_" + key); values.append(try g.blauIndex(groups: groups).values)
            columns.append("iqv_" + key); values.append(try g.iqv(groups: groups).values)
            columns.append("outside_share_" + key); values.append(try g.outsideShare(groups: groups).values)
            let brokerage = try g.brokerage(groups: groups)
            for role in Brokerage.Role.allCases where role != .total {
                columns.append("brokerage_\(key)_\(role.rawValue)"); values.append(brokerage.counts[role]!)
                columns.append("brokerage_\(key)_\(role.rawValue)_z"); values.append(brokerage.zScore[role]!)
            }
            network.append(("ei_" + key, try g.networkEIIndex(groups: groups)))
            for (group, value) in try g.groupEIIndex(groups: groups) { network.append(("ei_\(key)_group:\(group)", value)) }
            let test = try g.eiIndexTest(groups: groups, permutations: max(1, options.permutations), seed: options.seed)
            network.append(("ei_" + key + "_rescaled", test.rescaled))
            if options.permutations > 0 {
                network.append(("ei_" + key + "_p_greater_or_equal", test.pGreaterOrEqual))
                network.append(("ei_" + key + "_p_less_or_equal", test.pLessOrEqual))
            }
            network.append(("assortativity_" + key, try g.nominalAssortativity(groups: groups)))
        }
        // Granovetter's test for the study: how many bridges and local bridges are weak ties.
        network.append(("bridges", Double(bridges.count)))
        network.append(("weak_bridges", Double(bridges.count { isWeak[Int($0)] })))
        let local = (0..<g.edgeCount).filter { !span[$0].isNaN }
        network.append(("local_bridges", Double(local.count)))
        network.append(("weak_local_bridges", Double(local.count { isWeak[$0] })))
        if let communities {
            network.append(("communities", Double(communities.count)))
            network.append(("modularity", communities.modularity))
        }

        self.columns = columns
        nodeValues = (0..<g.nodeCount).map { v in values.map { $0[v] } }
        edgeColumns = ["mentions", "bridge", "local_bridge_span", "edge_betweenness"]
        edgeValues = (0..<g.edgeCount).map { e -> [Double] in
            let mentions = Double(study.ties.mentionOffsets[e + 1] - study.ties.mentionOffsets[e])
            let isBridge: Double = bridges.contains(Int32(e)) ? 1 : 0
            return [mentions, isBridge, span[e], edgeBetweenness[e]]
        }
        self.network = network
    }

    static func weights(study: Study, graph: Graph, mode: WeightMode) throws -> EdgeWeights {
        let column: [Double]? = if case .double(let w)? = graph.edgeAttributes["weight"]?.values { w } else { nil }
        if let column, let missing = column.firstIndex(where: \.isNaN), mode != .none {
            throw MetricsTableError.missingWeight(tie: study.actors[Int(study.ties.source[missing])].id + " – "
                                                  + study.actors[Int(study.ties.target[missing])].id)
        }
        switch mode {
        case .none: return .none
        case .strength:
            return .strength(column ?? (0..<study.ties.count).map { Double(study.ties.mentionOffsets[$0 + 1] - study.ties.mentionOffsets[$0]) })
        case .distance:
            guard let column else { throw MetricsTableError.noWeightColumn }
            return .distance(column)
        }
    }

    /// The value of a node attribute for every actor (`nil` where empty).
    static func groups(study: Study, attribute: String) throws -> [String?] {
        guard let values = study.nodeAttributeValues(attribute) else {
            throw MetricsTableError.unknownAttribute(attribute, available: study.nodeAttributeNames)
        }
        return values
    }

    static func snakeCase(_ name: String) -> String {
        String(normalizedHeaderName(name).map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    // MARK: Writers

    /// The node table (or, with `edges`, the edge table) as spreadsheet-safe CSV.
    public func csv(edges: Bool = false) -> String {
        var writer = CSVWriter()
        if edges {
            writer.header(["source", "target", "strength"] + edgeColumns)
            for (e, row) in edgeValues.enumerated() {
                writer.row([.text(study.actors[Int(study.ties.source[e])].id), .text(study.actors[Int(study.ties.target[e])].id),
                            .text(study.ties.strength[e].name)] + row.enumerated().map { i, v in
                    edgeColumns[i] == "bridge" ? .number(v == 1 ? "true" : "false") : NumberFormat.cell(v)
                })
            }
        } else {
            writer.header(["id", "label", "kind"] + columns)
            for (v, row) in nodeValues.enumerated() {
                let actor = study.actors[v]
                writer.row([.text(actor.id), .text(actor.label), .text(actor.kind.rawValue)] + row.map(NumberFormat.cell))
            }
        }
        return writer.output
    }

    /// `{"nodes": [...], "edges": [...], "network": {...}}` with the same names as the CSV; NaN is null.
    public var json: JSONValue {
        .object([
            ("nodes", .array(nodeValues.enumerated().map { v, row in
                let actor = study.actors[v]
                return .object([("id", .string(actor.id)), ("label", .string(actor.label)), ("kind", .string(actor.kind.rawValue))]
                    + zip(columns, row).map { ($0, NumberFormat.json($1)) })
            })),
            ("edges", .array(edgeValues.enumerated().map { e, row in
                .object([("source", .string(study.actors[Int(study.ties.source[e])].id)),
                          ("target", .string(study.actors[Int(study.ties.target[e])].id)),
                          ("strength", .string(study.ties.strength[e].name))]
                    + zip(edgeColumns, row).map { name, v in (name, name == "bridge" ? .bool(v == 1) : NumberFormat.json(v)) })
            })),
            ("network", .object(network.map { ($0.0, NumberFormat.json($0.1)) })),
        ])
    }
}

/// A metrics request that cannot be met.
public enum MetricsTableError: Error, Equatable, CustomStringConvertible {
    case unknownAttribute(String, available: [String])
    case noWeightColumn
    case missingWeight(tie: String)

    public var description: String {
        switch self {
        case let .unknownAttribute(name, available):
            "unknown node attribute '\(name)' (available: \(available.joined(separator: ", ")))"
        case .noWeightColumn:
            "--weights distance needs a 'weight' column in the ties table with a value for every tie"
        case let .missingWeight(tie):
            "the tie \(tie) has no coded weight; --weights strength or distance needs a weight for every tie (without a weight column, --weights strength uses mention counts)"
        }
    }
}
