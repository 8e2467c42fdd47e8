import Foundation
import WeakTiesGraph
import WeakTiesStudy

/// A format the study's network can be written in, and the one place that writes each.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// GraphML (networkx, igraph, Gephi, yEd, Cytoscape): every attribute column as a typed key;
    /// streamed to the file, never held whole.
    case graphml
    /// GEXF 1.3, Gephi's own format: attributes, palette colours, tie dates for Gephi's timeline, and
    /// a map's node positions where given.
    case gexf
    /// A Pajek `.net` network: labelled vertices and one value per tie, no other attributes.
    case pajek
    /// UCINET DL (`edgelist1`) with one value per tie; where UCINET would shorten or fold the ids, a
    /// label map (`study-labels.csv` beside `study.dl`) leads back to them.
    case dl
    /// A Pajek project: the network and its partitions (kind, partner type, region, sector).
    case pajekProject = "paj"
    /// networkx node-link JSON.
    case json
    /// Gephi's spreadsheet tables: the edges table, and the nodes table beside it.
    case gephiCSV = "gephi-csv"
    /// Graphviz DOT text: every node and tie attribute column as a DOT attribute, with no layout.
    case dot

    /// The format a name or file extension stands for (`net` → Pajek, `csv` → Gephi CSV, `gv` → DOT),
    /// case-insensitive; nil for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "graphml": self = .graphml
        case "gexf": self = .gexf
        case "pajek", "net": self = .pajek
        case "paj": self = .pajekProject
        case "dl": self = .dl
        case "json": self = .json
        case "gephi-csv", "csv": self = .gephiCSV
        case "dot", "gv": self = .dot
        default: return nil
        }
    }

    /// Writes `study`'s network (`StudyExport.graph`) to `path` atomically; Gephi CSV writes its nodes
    /// table beside it (`study.csv` → `study-nodes.csv`). GraphML is streamed, never held whole.
    /// - Throws: `InputOutputError`.
    /// `edgeValue`: the one number per tie of Pajek and UCINET DL (nil: strength) and the GEXF `weight`
    /// (nil: the coded weight column); the other formats carry every column.
    public func write(_ study: Study, to path: String, edgeValue: EdgeValue? = nil) throws {
        try write(graph: StudyExport.graph(study), to: path, graphData: StudyExport.graphData(study), edgeValue: edgeValue)
    }

    /// Writes an export graph (`StudyExport.graph`) to `path`; see `write(_:to:)`. `graphData` (how
    /// the study was built) goes where the format has room: GraphML graph data, GEXF
    /// `<meta><description>`, node-link JSON `graph`, Pajek `%` comments. `edgeValue`: as in
    /// `write(_:to:edgeValue:)`. `positions` (per node, a drawing's layout) go into GEXF as
    /// `viz:position`; the other formats leave them out.
    public func write(graph: Graph, to path: String, graphData: [(name: String, value: String)] = [], edgeValue: EdgeValue? = nil,
                      positions: [GEXFWriter.VizPlacement?]? = nil) throws {
        let text: String
        switch self {
        case .graphml:
            try AtomicFile.stream(to: path) { write in try GraphExport.writeGraphML(graph, graphData: graphData, to: write) }
            return
        case .gexf: text = GEXFWriter.write(graph, graphData: graphData, weight: edgeValue, positions: positions)
        case .json: text = GraphExport.nodeLinkJSON(graph, graphData: graphData)
        case .pajek: text = GraphExport.pajek(graph, graphData: graphData, value: edgeValue ?? .strength)
        case .pajekProject: text = GraphExport.pajekProject(graph, graphData: graphData, value: edgeValue ?? .strength)
        case .dl:
            // Labels UCINET keeps whole, with the map back to the ids beside (our reader applies it).
            let labels = DLWriter.ucinetLabels(graph.nodeIDs)
            if labels != graph.nodeIDs {
                try AtomicFile.write(DLWriter.labelMap(labels: labels, ids: graph.nodeIDs), to: DLWriter.labelMapPath(forDLPath: path))
            }
            // The node attributes as a UCINET attribute dataset beside, with the codes of its classes.
            let attributes = DLWriter.attributes(graph, labels: labels), paths = DLWriter.attributePaths(forDLPath: path)
            try AtomicFile.write(attributes.data, to: paths.data)
            try AtomicFile.write(attributes.codes, to: paths.codes)
            text = DLWriter.write(graph, value: edgeValue ?? .strength, labels: labels)
        case .gephiCSV:
            try AtomicFile.write(GephiCSVWriter.nodes(graph), to: GephiCSVWriter.nodesPath(forEdgesPath: path))
            text = GephiCSVWriter.edges(graph)
        case .dot: text = DOTWriter.write(graph)
        }
        try AtomicFile.write(text, to: path)
    }
}
