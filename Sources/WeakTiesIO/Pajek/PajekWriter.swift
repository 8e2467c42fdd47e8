import Foundation
import WeakTiesGraph

// The Pajek writer (the reader is PajekReader.swift beside it).
extension GraphExport {
    /// Pajek `.net`: vertices numbered from 1 with quoted labels (the `label` column, else the id),
    /// `*Edges` or `*Arcs` with the `weight` column where present (else 1). Pajek carries no other
    /// attributes.
    /// `graphData` is written as `%` comment lines before `*Vertices` (Pajek's comments).
    public static func pajek(_ graph: Graph, graphData: [(name: String, value: String)] = []) -> String {
        var labels = graph.nodeIDs
        if case .string(let values)? = graph.nodeAttributes["label"]?.values {
            labels = zip(values, graph.nodeIDs).map { $0 ?? $1 }
        }
        var out = graphData.map { "% \($0.name): \($0.value.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: ""))\n" }.joined()
        out += "*Vertices \(graph.nodeCount)\n"
        for (v, label) in labels.enumerated() {
            let clean = label.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\r", with: "")
            out += "\(v + 1) \"\(clean)\"\n"
        }
        out += graph.isDirected ? "*Arcs\n" : "*Edges\n"
        return out + oneBasedWeightedEdges(graph)
    }
}
