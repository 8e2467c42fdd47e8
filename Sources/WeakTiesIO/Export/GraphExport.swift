import Foundation
import WeakTiesGraph

/// The writers of the network formats, one per format folder (`GraphML/GraphMLWriter.swift`,
/// `JSON/NodeLinkWriter.swift`, `Pajek/PajekWriter.swift`; GEXF, DL, Gephi CSV and DOT have writer
/// types of their own), and what several of them share: weights, XML type names and XML escaping.
public enum GraphExport {
    /// One line per edge, `source target weight` with 1-based node numbers, as Pajek and UCINET DL
    /// write them; the weight is the `weight` column, 1 where none is coded.
    static func oneBasedWeightedEdges(_ graph: Graph) -> String {
        var out = ""
        let weights = edgeWeights(graph)
        for e in 0..<graph.edgeCount {
            out += "\(graph.edgeSources[e] + 1) \(graph.edgeTargets[e] + 1) \(NumberFormat.text(weights[e]))\n"
        }
        return out
    }

    /// The `weight` column with 1 where none is coded (the default of Pajek, UCINET and Gephi).
    static func edgeWeights(_ graph: Graph) -> [Double] {
        guard case .double(let w)? = graph.edgeAttributes["weight"]?.values else {
            return [Double](repeating: 1, count: graph.edgeCount)
        }
        return w.map { $0.isNaN ? 1 : $0 }
    }

    /// GraphML's and GEXF's name of a column's type.
    static func xmlTypeName(_ values: AttributeValues) -> String {
        switch values {
        case .string: "string"
        case .double: "double"
        case .int: "long"
        case .bool: "boolean"
        }
    }

    /// XML attribute value in double quotes, escaped; characters XML 1.0 forbids are dropped.
    static func xmlAttribute(_ s: String) -> String { "\"" + xmlText(s) + "\"" }

    /// XML character data, escaped (`&`, `<`, `>`, `'`, `"`); characters XML 1.0 forbids are dropped,
    /// line breaks kept as `&#10;`/`&#13;` so they survive attribute normalisation.
    public static func xmlText(_ s: String) -> String { MarkupEscaping.xml.escape(s) }

}
