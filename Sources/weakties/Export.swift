import ArgumentParser
import Foundation
import WeakTies

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the study's network for other tools: GraphML, node-link JSON, Pajek or DOT.",
        discussion: """
            Nodes are the actors with every nodes-table column; edges are the aggregated ties with strength, \
            mention and vote counts, interviews, coders, earliest year and weight. The format comes from \
            --format or the output's extension (.graphml, .json, .net, .dot).

            Examples:
              weakties export Examples/krefeld-mg/ties.csv --nodes Examples/krefeld-mg/nodes.csv --output study.graphml
              weakties export ties.csv --nodes nodes.csv --format json --output study.json
            """
    )

    @OptionGroup var input: StudyInputOptions

    @Option(help: "graphml, json (networkx node-link), pajek or dot.")
    var format: String?

    @Option(name: .shortAndLong, help: "Output file (written atomically).")
    var output: String

    var resolvedFormat: String? {
        let name = (format ?? URL(fileURLWithPath: output).pathExtension).lowercased()
        return ["graphml": "graphml", "json": "json", "pajek": "pajek", "net": "pajek", "dot": "dot", "gv": "dot"][name]
    }

    func validate() throws {
        if resolvedFormat == nil {
            throw ValidationError("unknown format '\(format ?? URL(fileURLWithPath: output).pathExtension)' (expected graphml, json, pajek or dot)")
        }
    }

    func run() throws {
        let graph = try input.loadStudy().graph()
        let text: String
        switch resolvedFormat! {
        case "graphml": text = GraphExport.graphML(graph)
        case "json": text = GraphExport.nodeLinkJSON(graph)
        case "pajek": text = GraphExport.pajek(graph)
        default: text = DOTWriter.write(graph)
        }
        try writeOutput(text, to: output)
    }
}
