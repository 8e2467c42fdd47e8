// WeakTiesReport: formats analysis values (metrics table, report pages, map encoding, summary text).
// Not here: computing a study number — every value is read from WeakTiesAnalysis.
import WeakTiesGraph
import WeakTiesIO
import WeakTiesMetrics
import WeakTiesStudy
import WeakTiesAnalysis

/// The metrics table of `weakties metrics`: the node metrics asked for, group mixing by attribute,
/// tie metrics and network values, laid out in columns. Every value is read from `StudyMetrics`; this
/// type only chooses and orders them, and its writers format them (CSV, JSON).
public struct MetricsTable: Sendable {
    /// The node metrics that can be asked for, in output order.
    public static let nodeMetricNames = NodeMetric.allCases.map(\.rawValue)

    /// What the table holds and how its metrics are computed.
    public struct Options: Sendable {
        /// Node metrics to lay out, in `NodeMetric.allCases` order whatever the order asked.
        public var metrics: [NodeMetric]
        /// Node attributes for E-I and Blau columns (`region`, `partner_type`, `sector`, `kind` or any extra column).
        public var attributes: [String]
        /// Which parts to compute: the actor rows, the tie rows, the network values.
        public var nodes: Bool
        /// Whether to lay out the tie rows (`edgeValues`).
        public var ties: Bool
        /// Whether to compute the network values (`network`).
        public var network: Bool
        /// How the metrics are computed (weights, threads, sampling, seed, permutations).
        public var metricsOptions: StudyMetrics.Options

        /// The options; by default every node metric, no attributes, all three parts and the default
        /// metric options.
        public init(metrics: [NodeMetric] = NodeMetric.allCases, attributes: [String] = [],
                    nodes: Bool = true, ties: Bool = true, network: Bool = true,
                    metricsOptions: StudyMetrics.Options = StudyMetrics.Options()) {
            self.metrics = metrics
            self.attributes = attributes
            self.nodes = nodes
            self.ties = ties
            self.network = network
            self.metricsOptions = metricsOptions
        }
    }

    /// Names of the node columns after `id`, `label`, `kind`: the node metrics asked for, then per
    /// attribute (its name snake-cased) its group metrics (`<metric>_<attribute>`) and brokerage
    /// counts and z-scores (`brokerage_<attribute>_<role>`, `…_z`); empty when the actor rows were
    /// not asked for.
    public let columns: [String]
    /// One row of values per actor, in `columns` order after `id`, `label`, `kind` (empty when the
    /// actor rows were not asked for).
    public let nodeValues: [[Double]]
    /// Names of the tie columns after `source`, `target`, `strength`: `mentions`, `bridge` (1 or 0),
    /// `local_bridge_span` (NaN for no local bridge, infinite for a bridge) and `edge_betweenness` (NaN
    /// unless a betweenness metric was asked for). Always these four, even without tie rows.
    public let edgeColumns: [String]
    /// One row per tie (empty when the tie rows were not asked for).
    public let edgeValues: [[Double]]
    /// The network values by name, in output order: `nodes`, `ties`, `density`, `components`,
    /// `transitivity`, `weak_tie_share`; per attribute its E-I indices and test, assortativity and QAP
    /// correlation (p-values only with permutations); Granovetter's bridge counts; `communities` and
    /// `modularity` when a community metric was asked for. NaN where undefined; empty when the network
    /// values were not asked for.
    public let network: [(String, Double)]
    /// Why some values are empty (an attribute with fewer than two known values), for stderr.
    public let warnings: [String]
    let study: Study

    /// Computes the metrics of `study` and lays them out. - Throws: `StudyMetricsError`, `MetricError`.
    public init(study: Study, options: Options = Options()) throws {
        try self.init(metrics: StudyMetrics(study: study, options: options.metricsOptions), options: options)
    }

    /// Lays out the values of `metrics`. - Throws: `StudyMetricsError`, `MetricError`.
    public init(metrics: StudyMetrics, options: Options) throws {
        let study = metrics.study
        self.study = study
        warnings = try options.attributes.compactMap { try metrics.undefinedGroupsWarning(by: $0) }
        let wanted = Set(options.metrics)
        // Edge betweenness is computed with the node scores, in one run, only when the tie rows need it and
        // betweenness was asked for (otherwise the column is empty, as documented: it costs O(n·m)).
        let edgeBetweennessWanted = options.ties && !wanted.isDisjoint(with: [.betweenness, .betweennessNormalized])
        if edgeBetweennessWanted { _ = try metrics.betweenness(edges: true) }
        var columns: [String] = []
        var values: [[Double]] = []
        if options.nodes {
            for metric in NodeMetric.allCases where wanted.contains(metric) {
                columns.append(metric.rawValue)
                values.append(try metrics.scores(metric).values)
            }
            for attribute in options.attributes {
                let key = MetricsTable.snakeCase(attribute)
                for metric in GroupMetric.allCases {
                    columns.append(metric.rawValue + "_" + key)
                    values.append(try metrics.scores(metric, by: attribute).values)
                }
                let brokerage = try metrics.brokerage(by: attribute)
                for role in Brokerage.Role.allCases where role != .total {
                    columns.append("brokerage_\(key)_\(role.rawValue)"); values.append(brokerage.counts[role]!)
                    columns.append("brokerage_\(key)_\(role.rawValue)_z"); values.append(brokerage.zScore[role]!)
                }
            }
        }
        var network: [(String, Double)] = []
        if options.network {
            let g = metrics.graph
            network = [
                ("nodes", Double(g.nodeCount)), ("ties", Double(g.edgeCount)), ("density", metrics.density),
                ("components", Double(metrics.components.count)), ("transitivity", metrics.clustering.transitivity),
                ("weak_tie_share", metrics.weakTieShare),
            ]
            for attribute in options.attributes {
                let key = MetricsTable.snakeCase(attribute)
                network.append(("ei_" + key, try metrics.networkEIIndex(by: attribute)))
                for (group, value) in try metrics.groupEIIndex(by: attribute) { network.append(("ei_\(key)_group:\(group)", value)) }
                let test = try metrics.eiIndexTest(by: attribute)
                network.append(("ei_" + key + "_rescaled", test.rescaled))
                if metrics.options.permutations > 0 {
                    network.append(("ei_" + key + "_p_greater_or_equal", test.pGreaterOrEqual))
                    network.append(("ei_" + key + "_p_less_or_equal", test.pLessOrEqual))
                }
                network.append(("assortativity_" + key, try metrics.assortativity(by: attribute)))
                let qap = try metrics.sameGroupCorrelation(by: attribute)
                network.append(("qap_gcor_" + key, qap.r))
                if metrics.options.permutations > 0 {
                    network.append(("qap_gcor_" + key + "_p_greater_or_equal", qap.pGreaterOrEqual))
                }
            }
            let granovetter = metrics.granovetter
            network.append(("bridges", Double(granovetter.bridges)))
            network.append(("weak_bridges", Double(granovetter.weakBridges)))
            network.append(("local_bridges", Double(granovetter.localBridges)))
            network.append(("weak_local_bridges", Double(granovetter.weakLocalBridges)))
            if wanted.contains(.community) || wanted.contains(.communityExternalShare) {
                let communities = try metrics.communities()
                network.append(("communities", Double(communities.count)))
                network.append(("modularity", communities.modularity))
            }
        }

        self.columns = columns
        nodeValues = options.nodes ? (0..<metrics.graph.nodeCount).map { v in values.map { $0[v] } } : []
        edgeColumns = ["mentions", "bridge", "local_bridge_span", "edge_betweenness"]
        if options.ties {
            let mentions = study.mentionCounts, isBridge = metrics.isBridge, span = metrics.localBridgeSpan
            let edgeBetweenness = edgeBetweennessWanted ? try metrics.betweenness(edges: true).edges.values
                : [Double](repeating: .nan, count: metrics.graph.edgeCount)
            edgeValues = (0..<metrics.graph.edgeCount).map { e in
                [Double(mentions[e]), isBridge[e] ? 1 : 0, span[e], edgeBetweenness[e]]
            }
        } else {
            edgeValues = []
        }
        self.network = network
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
