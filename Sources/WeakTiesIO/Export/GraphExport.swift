import Foundation
import WeakTiesGraph

/// The writers of the network formats, one per format folder (`GraphML/GraphMLWriter.swift`,
/// `JSON/NodeLinkWriter.swift`, `Pajek/PajekWriter.swift`; GEXF, DL, Gephi CSV and DOT have writer
/// types of their own), and what several of them share: weights, XML type names and XML escaping.
public enum GraphExport {
    /// The classes of a categorical attribute as Pajek partitions and UCINET attribute datasets number
    /// them: the distinct values in sorted order (class `i + 1` is `classes[i]`), and each node's class
    /// number, 0 where the value is missing. - Complexity: O(n + k log k) for k distinct values.
    static func classNumbers(_ values: [String?]) -> (classes: [String], numbers: [Int]) {
        let classes = Array(Set(values.compactMap { $0 })).sorted()
        let number = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0 + 1) })
        return (classes, values.map { $0.flatMap { number[$0] } ?? 0 })
    }

    /// One line per edge, `source target value` with 1-based node numbers, as Pajek and UCINET DL
    /// write them; the value is `value`'s (`EdgeValue`). `bothWays` writes each edge of an undirected
    /// graph in both directions (UCINET reads an edge list as directed pairs).
    static func oneBasedValuedEdges(_ graph: Graph, value: EdgeValue, bothWays: Bool = false) -> String {
        var out = ""
        let values = edgeValues(graph, value)
        for e in 0..<graph.edgeCount {
            let text = NumberFormat.text(values[e])
            out += "\(graph.edgeSources[e] + 1) \(graph.edgeTargets[e] + 1) \(text)\n"
            if bothWays && !graph.isDirected && graph.edgeSources[e] != graph.edgeTargets[e] {
                out += "\(graph.edgeTargets[e] + 1) \(graph.edgeSources[e] + 1) \(text)\n"
            }
        }
        return out
    }

    /// Each edge's number for the formats that carry one (`EdgeValue`).
    public static func edgeValues(_ graph: Graph, _ value: EdgeValue) -> [Double] {
        switch value {
        case .weight:
            return edgeWeights(graph)
        case .strength:
            guard case .string(let s)? = graph.edgeAttributes["strength"]?.values else { return edgeWeights(graph) }
            return s.map { $0 == "strong" ? 2 : 1 }
        case .mentions:
            guard case .int(let m)? = graph.edgeAttributes["mentions"]?.values else { return [Double](repeating: 1, count: graph.edgeCount) }
            return m.map { Double($0 ?? 1) }
        }
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

/// The number a format that carries one value per edge (Pajek, UCINET DL) writes for a tie.
public enum EdgeValue: String, Sendable, CaseIterable {
    /// The study's main variable: 2 for a strong tie, 1 for a weak one (a graph without strength: the
    /// `weight` column).
    case strength
    /// The coded `weight` column (the mean of the mentions' weights), 1 where none is coded.
    case weight
    /// How many mentions (interview codings) the tie has.
    case mentions
}
