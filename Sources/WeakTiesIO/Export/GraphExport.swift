import Foundation
import WeakTiesGraph

/// Writers for the formats other network tools open. Each writes every node and edge attribute
/// column the format can carry; ids and text are escaped for the format; output is deterministic.
public enum GraphExport {
    /// GraphML (networkx, igraph, Gephi, yEd, Cytoscape): one typed `<key>` per attribute column
    /// (`string`, `double`, `long`, `boolean`); missing values are left out, as GraphML intends.
    public static func graphML(_ graph: Graph) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        func type(_ values: AttributeValues) -> String {
            switch values {
            case .string: "string"
            case .double: "double"
            case .int: "long"
            case .bool: "boolean"
            }
        }
        for (i, column) in graph.nodeAttributes.columns.enumerated() {
            out += "  <key id=\"n\(i)\" for=\"node\" attr.name=\(xmlAttribute(column.name)) attr.type=\"\(type(column.values))\"/>\n"
        }
        for (i, column) in graph.edgeAttributes.columns.enumerated() {
            out += "  <key id=\"e\(i)\" for=\"edge\" attr.name=\(xmlAttribute(column.name)) attr.type=\"\(type(column.values))\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"\(graph.isDirected ? "directed" : "undirected")\">\n"
        for v in 0..<graph.nodeCount {
            out += "    <node id=\(xmlAttribute(graph.nodeIDs[v]))>"
            for (i, column) in graph.nodeAttributes.columns.enumerated() {
                if let text = column.values.text(at: v) { out += "<data key=\"n\(i)\">\(xmlText(text))</data>" }
            }
            out += "</node>\n"
        }
        for e in 0..<graph.edgeCount {
            out += "    <edge id=\"e\(e)\" source=\(xmlAttribute(graph.nodeIDs[Int(graph.edgeSources[e])])) "
            out += "target=\(xmlAttribute(graph.nodeIDs[Int(graph.edgeTargets[e])]))>"
            for (i, column) in graph.edgeAttributes.columns.enumerated() {
                if let text = column.values.text(at: e) { out += "<data key=\"e\(i)\">\(xmlText(text))</data>" }
            }
            out += "</edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    /// networkx node-link JSON (`nx.node_link_graph(data, edges="edges")`): typed values, missing
    /// values as `null`.
    public static func nodeLinkJSON(_ graph: Graph) -> String {
        func value(_ values: AttributeValues, _ i: Int) -> JSONValue {
            switch values {
            case .string(let v): .string(v[i])
            case .double(let v): v[i].isNaN ? .null : .double(v[i])
            case .int(let v): .int(v[i])
            case .bool(let v): .bool(v[i])
            }
        }
        let nodes: [JSONValue] = (0..<graph.nodeCount).map { v in
            .object([("id", .string(graph.nodeIDs[v]))] + graph.nodeAttributes.columns.map { ($0.name, value($0.values, v)) })
        }
        let edges: [JSONValue] = (0..<graph.edgeCount).map { e in
            .object([("source", .string(graph.nodeIDs[Int(graph.edgeSources[e])])),
                      ("target", .string(graph.nodeIDs[Int(graph.edgeTargets[e])]))]
                    + graph.edgeAttributes.columns.map { ($0.name, value($0.values, e)) })
        }
        return JSONValue.object([
            ("directed", .bool(graph.isDirected)), ("multigraph", .bool(false)), ("graph", .object([])),
            ("nodes", .array(nodes)), ("edges", .array(edges)),
        ]).serialized(indent: 1) + "\n"
    }

    /// Pajek `.net`: vertices numbered from 1 with quoted labels (the `label` column, else the id),
    /// `*Edges` or `*Arcs` with the `weight` column where present (else 1). Pajek carries no other
    /// attributes.
    public static func pajek(_ graph: Graph) -> String {
        var labels = graph.nodeIDs
        if case .string(let values)? = graph.nodeAttributes["label"]?.values {
            labels = zip(values, graph.nodeIDs).map { $0 ?? $1 }
        }
        var out = "*Vertices \(graph.nodeCount)\n"
        for (v, label) in labels.enumerated() {
            let clean = label.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\r", with: "")
            out += "\(v + 1) \"\(clean)\"\n"
        }
        out += graph.isDirected ? "*Arcs\n" : "*Edges\n"
        var weights: [Double]?
        if case .double(let w)? = graph.edgeAttributes["weight"]?.values { weights = w }
        for e in 0..<graph.edgeCount {
            let w = weights.map { $0[e].isNaN ? 1 : $0[e] } ?? 1
            out += "\(graph.edgeSources[e] + 1) \(graph.edgeTargets[e] + 1) \(NumberFormat.text(w))\n"
        }
        return out
    }

    /// XML attribute value in double quotes, escaped; characters XML 1.0 forbids are dropped.
    static func xmlAttribute(_ s: String) -> String { "\"" + xmlText(s) + "\"" }

    /// XML character data, escaped (`&`, `<`, `>`, `'`, `"`); characters XML 1.0 forbids are dropped,
    /// line breaks kept as `&#10;`/`&#13;` so they survive attribute normalisation.
    static func xmlText(_ s: String) -> String {
        // Most text needs no escape: one pass over the bytes decides (0xEF may start U+FFFE/U+FFFF).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return s
        }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
