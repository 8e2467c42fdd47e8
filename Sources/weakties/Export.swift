import ArgumentParser
import Foundation
import WeakTies

struct Export: StudyCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the study's network for other tools: GraphML, GEXF, Pajek, UCINET DL, node-link JSON, Gephi CSV or DOT.",
        discussion: """
            Nodes are the actors with every nodes-table column; edges are the aggregated ties with strength, \
            mention and vote counts, interviews, coders, earliest year, weight, every other mention column \
            summarised (distinct values joined by "; ") and every mention verbatim (mentions_json), in every \
            format that can carry them (see Docs/Formats.md). The format comes from --format or the output's \
            extension (.graphml, .gexf, .net, .paj, .dl, .json, .csv, .dot). Gephi CSV writes the edges table to \
            --output and the nodes table beside it (study.csv → study-nodes.csv).

            Examples:
              weakties export Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output study.graphml
              weakties export ties.csv --nodes nodes.csv --format gephi-csv --output study.csv
              weakties export Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output study.paj
              weakties export Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output study.gexf --with-metrics degree,betweenness_normalized,constraint --edge-value strength

            Pajek (.net, and .paj: a project with partitions by kind, partner type, region and sector) and \
            UCINET DL carry one number per tie: --edge-value strength (2 strong, 1 weak; the default), \
            weight (the coded weight column, 1 where none) or mentions. DL lists each tie both ways, so \
            UCINET reads a symmetric matrix. For GEXF, --edge-value strength or mentions sets the GEXF \
            weight Gephi draws and weighs with (the coded weight then stays as coded_weight).

            GEXF nodes get the position, size and shape they have on the study map (weakties render with \
            the same --layout and --seed), so Gephi opens the same picture: by default with sfdp for studies \
            of up to 5,000 actors (a larger layout takes minutes; choose --layout sfdp to lay it out anyway), \
            --layout none for none.
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(help: "Output format; json is networkx node-link, paj a Pajek project with partitions (default: from the --output extension: .graphml, .gexf, .net, .paj, .dl, .json, .csv, .dot).")
    var format: ExportFormat?

    @Option(name: .customLong("edge-value"), help: "The one number per tie of Pajek and UCINET DL (default strength: 2 strong, 1 weak), and the GEXF weight (default the coded weight): strength, weight (the coded weight, 1 where none) or mentions.")
    var edgeValue: EdgeValue?

    @Option(name: .customLong("with-metrics"), help: ArgumentHelp("Add node metric columns, comma-separated or 'all' (the names of weakties metrics --metrics), computed as weakties metrics computes them (unweighted, one thread): e.g. degree,betweenness_normalized,constraint.", valueName: "metrics"))
    var withMetrics: String?

    var metricNames: [String] {
        guard let withMetrics else { return [] }
        return withMetrics == "all" ? MetricsTable.nodeMetricNames : withMetrics.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Option(name: .shortAndLong, help: "Output file (written atomically).")
    var output: String

    @Option(help: ArgumentHelp("GEXF node positions from the study map's Graphviz layout: sfdp, neato, fdp, dot, circo, twopi or none (default: sfdp up to \(Export.autoLayoutLimit) actors, else none).", valueName: "layout"))
    var layout: ExportLayout?

    @Option(parsing: .unconditional, help: "Layout seed for the GEXF positions (as weakties render --seed).")
    var seed = 1

    /// The largest study laid out without being asked: sfdp on 5,000 actors and 10,000 ties takes
    /// 7.3 s of the export's 7.4 s here (release build, a preferential-attachment graph; 0.16 s without
    /// positions); the layout grows faster than linearly, so larger studies ask for it.
    static let autoLayoutLimit = 5_000

    var resolvedFormat: ExportFormat? { format ?? ExportFormat(name: URL(fileURLWithPath: output).pathExtension) }

    func validate() throws {
        if let unknown = metricNames.first(where: { NodeMetric(rawValue: $0) == nil }) {
            throw ValidationError("unknown metric '\(unknown)' for --with-metrics (expected all or some of: \(MetricsTable.nodeMetricNames.joined(separator: ", ")))")
        }
        if resolvedFormat == nil {
            throw ValidationError("unknown format '\(URL(fileURLWithPath: output).pathExtension)' (expected graphml, gexf, pajek, paj, dl, json, gephi-csv or dot)")
        }
        if let layout, layout != .noPositions, resolvedFormat != .gexf {
            throw ValidationError("--layout places the nodes of a GEXF export; \(resolvedFormat!.rawValue) has no place for positions (draw the map with weakties render --layout \(layout.rawValue))")
        }
    }

    func execute() throws {
        let study = try input.loadStudy()
        let progress = input.progress, started = Date()
        var graph = StudyExport.graph(study)
        if !metricNames.isEmpty {
            progress.say("computing \(metricNames.count) metrics for the nodes")
            // The metrics table's values (one definition), unweighted and on all cores (the same bytes on
            // every machine: sums over sources are taken in fixed blocks).
            let table = try MetricsTable(study: study, options: .init(
                metrics: metricNames.compactMap(NodeMetric.init(rawValue:)), nodes: true, ties: false, network: false,
                metricsOptions: .init()))
            for (c, name) in table.columns.enumerated() {
                if graph.nodeAttributes[name] != nil {
                    throw OptionError(message: "the nodes already have a column '\(name)'; rename it in the nodes table or leave the metric out", flag: "--with-metrics")
                }
                graph = try graph.addingNodeAttribute(AttributeColumn(name: name, values: .double(table.nodeValues.map { $0[c] })))
            }
        }
        let positions = try placements(study, graph: graph, progress: progress)
        progress.say("writing \(Progress.count(study.actors.count)) actors and \(Progress.count(study.ties.count)) ties as \(resolvedFormat!.rawValue)")
        try resolvedFormat!.write(graph: graph, to: output, graphData: StudyExport.graphData(study), edgeValue: edgeValue,
                                  positions: positions)
        progress.done("wrote \(output)", since: started)
    }

    /// The GEXF positions: each actor where the study map (default colours, sizes and highlights,
    /// `layout` and `seed`) puts it; nil for other formats, with `--layout none`, or above the
    /// automatic limit without `--layout` (said on stderr).
    func placements(_ study: Study, graph: Graph, progress: Progress) throws -> [GEXFWriter.VizPlacement?]? {
        guard resolvedFormat == .gexf else { return nil }
        let engine: LayoutEngine
        switch layout {
        case .noPositions?: return nil
        case nil where study.actors.count > Export.autoLayoutLimit:
            if !input.quiet {
                Console.writeError("weakties: note: GEXF without positions: \(Progress.count(study.actors.count)) actors are more than \(Progress.count(Export.autoLayoutLimit)) (choose --layout sfdp to lay them out; it takes minutes)")
            }
            return nil
        case nil: engine = .sfdp
        case let choice?: engine = choice.engine!
        }
        progress.say("laying out \(Progress.count(study.actors.count)) actors with \(engine.rawValue) for the GEXF positions")
        var options = StudyMap.Options()
        options.layout = engine
        options.seed = seed
        let map = try StudyMap(study: study, options: options)
        let placed = try GraphvizRenderer.layout(dot: map.dot, engine: engine)
        let innovations = Set(study.actors.filter { $0.kind == .innovation }.map(\.id))
        return graph.nodeIDs.map { id in
            placed[id].map { .init(x: $0.x, y: $0.y, size: min($0.width, $0.height) / 2, square: innovations.contains(id)) }
        }
    }
}

/// `export --layout`: a Graphviz layout for the GEXF positions, or none.
enum ExportLayout: String, ExpressibleByArgument, CaseIterable {
    case sfdp, neato, fdp, dot, circo, twopi
    /// No positions.
    case noPositions = "none"
    /// The Graphviz engine (nil for none).
    var engine: LayoutEngine? { LayoutEngine(rawValue: rawValue) }
}
