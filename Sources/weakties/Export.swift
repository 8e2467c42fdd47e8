import ArgumentParser
import Foundation
import WeakTies

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the study's network for other tools: GraphML, GEXF, Pajek, UCINET DL, node-link JSON, Gephi CSV or DOT.",
        discussion: """
            Nodes are the actors with every nodes-table column; edges are the aggregated ties with strength, \
            mention and vote counts, interviews, coders, earliest year, weight, every other mention column \
            summarised (distinct values joined by "; ") and every mention verbatim (mentions_json), in every \
            format that can carry them (see Docs/Formats.md). The format comes from --format or the output's \
            extension (.graphml, .gexf, .net, .dl, .json, .csv, .dot). Gephi CSV writes the edges table to \
            --output and the nodes table beside it (study.csv → study-nodes.csv).

            Examples:
              weakties export Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output study.graphml
              weakties export ties.csv --nodes nodes.csv --format gephi-csv --output study.csv
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(help: "graphml, gexf, pajek, dl, json (networkx node-link), gephi-csv or dot.")
    var format: String?

    @Option(name: .shortAndLong, help: "Output file (written atomically).")
    var output: String

    static let formatNames = [
        "graphml": "graphml", "gexf": "gexf", "json": "json", "pajek": "pajek", "net": "pajek", "dl": "dl",
        "gephi-csv": "gephi-csv", "csv": "gephi-csv", "dot": "dot", "gv": "dot",
    ]

    var resolvedFormat: String? { Self.formatNames[(format ?? URL(fileURLWithPath: output).pathExtension).lowercased()] }

    func validate() throws {
        if resolvedFormat == nil {
            throw ValidationError("unknown format '\(format ?? URL(fileURLWithPath: output).pathExtension)' (expected graphml, gexf, pajek, dl, json, gephi-csv or dot)")
        }
    }

    func run() throws {
        let graph = StudyExport.graph(try input.loadStudy())
        let text: String
        switch resolvedFormat! {
        case "graphml":
            // Large studies: streamed to the file in pieces, never held whole.
            do {
                try AtomicFile.stream(to: output) { write in try GraphExport.writeGraphML(graph, to: write) }
            } catch let error as InputOutputError {
                Console.printError(error.description, prefixed: false)
                throw ExitCode(ExitCodes.ioError)
            }
            return
        case "gexf": text = GEXFWriter.write(graph)
        case "json": text = GraphExport.nodeLinkJSON(graph)
        case "pajek": text = GraphExport.pajek(graph)
        case "dl": text = DLWriter.write(graph)
        case "gephi-csv":
            try writeOutput(GephiCSVWriter.nodes(graph), to: GephiCSVWriter.nodesPath(forEdgesPath: output))
            text = GephiCSVWriter.edges(graph)
        default: text = DOTWriter.write(graph)
        }
        try writeOutput(text, to: output)
    }
}
