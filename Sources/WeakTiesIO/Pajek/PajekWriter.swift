import Foundation
import WeakTiesGraph

// The Pajek writers (the reader is PajekReader.swift beside it).
extension GraphExport {
    /// Pajek `.net`: vertices numbered from 1 with quoted labels (the `label` column, else the id),
    /// `*Edges` or `*Arcs` with one value per edge (`value`: strength 2/1 by default, the coded weight
    /// or the mention count). Pajek carries no other attributes on a network; partitions go into a
    /// project (`pajekProject`).
    /// `graphData` (and the value's meaning) is written as `%` comment lines before `*Vertices`.
    public static func pajek(_ graph: Graph, graphData: [(name: String, value: String)] = [], value: EdgeValue = .strength) -> String {
        comments(graphData, value: value) + pajekNetwork(graph, value: value)
    }

    /// A Pajek project (`.paj`): the network (as `pajek`) and one partition (`*Partition`) per node
    /// attribute of `partitions` the graph has, each vertex's class numbered 1, 2, … by the values in
    /// sorted order and 0 where unknown; the classes' values are listed in `%` comments before each
    /// partition.
    public static func pajekProject(_ graph: Graph, graphData: [(name: String, value: String)] = [], value: EdgeValue = .strength,
                                    partitions: [String] = ["kind", "partner_type", "region", "sector"]) -> String {
        var out = comments(graphData, value: value)
        // Names unquoted, as Pajek writes them (R's read.paj keeps quotes as part of the name).
        out += "*Network study\n" + pajekNetwork(graph, value: value)
        for name in partitions {
            guard case .string(let values)? = graph.nodeAttributes[name]?.values, values.contains(where: { $0 != nil }) else { continue }
            let (classes, numbers) = GraphExport.classNumbers(values)
            out += "\n% \(name): 0 = unknown" + classes.enumerated().map { "; \($0 + 1) = \(oneLine($1))" }.joined() + "\n"
            out += "*Partition \(String(name.map { $0.isWhitespace ? "_" : $0 }))\n*Vertices \(graph.nodeCount)\n"
            for number in numbers { out += "\(number)\n" }
        }
        return out
    }

    static func comments(_ graphData: [(name: String, value: String)], value: EdgeValue) -> String {
        let meaning = switch value {
        case .strength: "edge value: strength (2 strong, 1 weak)"
        case .weight: "edge value: the coded weight (1 where none)"
        case .mentions: "edge value: mentions"
        }
        return (graphData.map { "% \($0.name): \(oneLine($0.value))\n" } + ["% \(meaning)\n"]).joined()
    }

    static func pajekNetwork(_ graph: Graph, value: EdgeValue) -> String {
        var labels = graph.nodeIDs
        if case .string(let values)? = graph.nodeAttributes["label"]?.values {
            labels = zip(values, graph.nodeIDs).map { $0 ?? $1 }
        }
        var out = "*Vertices \(graph.nodeCount)\n"
        for (v, label) in labels.enumerated() { out += "\(v + 1) \(pajekName(label))\n" }
        out += graph.isDirected ? "*Arcs\n" : "*Edges\n"
        return out + oneBasedValuedEdges(graph, value: value)
    }

    /// A quoted Pajek name: `"` becomes `'`, line breaks spaces.
    static func pajekName(_ text: String) -> String { "\"" + oneLine(text).replacingOccurrences(of: "\"", with: "'") + "\"" }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
