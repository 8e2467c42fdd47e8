import WeakTiesGraph

/// Writes a graph as Graphviz DOT text: every id, attribute name and value quoted and escaped, every
/// node and edge attribute column written as a DOT attribute (Graphviz keeps unknown attributes), so
/// nothing of the graph is lost and no label can break the syntax.
public enum DOTWriter {
    /// `s` as a quoted DOT string. Backslashes and quotes are escaped; line breaks become `\n` (a
    /// centred line in labels), carriage returns are dropped; control characters become spaces.
    /// `<` and `>` need no escape inside a quoted string (they matter only in HTML labels, which we
    /// never write); renderers escape them in SVG.
    public static func quote(_ s: String) -> String {
        // Most names and values need no escaping: one pass over the bytes, then one copy.
        var clean = true
        for byte in s.utf8 where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") {
            clean = false
            break
        }
        if clean { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// The DOT text of `graph`. Nodes are written in index order with their id, edges in index order.
    /// `graphAttributes` go first (e.g. `("start", "7")` for a seeded layout); `extraNodeAttributes`
    /// and `extraEdgeAttributes` add per-element styling after the data attributes.
    /// The graph is always named, so repeated renders in one process give the same bytes.
    /// - Complexity: O(n + m) times the number of attribute columns.
    public static func write(
        _ graph: Graph, name: String = "G", graphAttributes: [(String, String)] = [],
        extraNodeAttributes: (Int) -> [(String, String)] = { _ in [] },
        extraEdgeAttributes: (Int) -> [(String, String)] = { _ in [] }
    ) -> String {
        var out = (graph.isDirected ? "digraph " : "graph ") + quote(name) + " {\n"
        for (key, value) in [("charset", "UTF-8")] + graphAttributes {
            out += "  " + quote(key) + "=" + quote(value) + ";\n"
        }
        func attributes(_ table: AttributeTable, _ index: Int, _ extra: [(String, String)]) -> String {
            var pairs: [(String, String)] = []
            for column in table.columns {
                if let text = column.values.text(at: index) { pairs.append((column.name, text)) }
            }
            // Styling given by the caller wins over a data column of the same name.
            let overridden = Set(extra.map(\.0))
            pairs = pairs.filter { !overridden.contains($0.0) } + extra
            if pairs.isEmpty { return "" }
            return " [" + pairs.map { quote($0.0) + "=" + quote($0.1) }.joined(separator: ", ") + "]"
        }
        for v in 0..<graph.nodeCount {
            out += "  " + quote(graph.nodeIDs[v]) + attributes(graph.nodeAttributes, v, extraNodeAttributes(v)) + ";\n"
        }
        let connector = graph.isDirected ? " -> " : " -- "
        for e in 0..<graph.edgeCount {
            out += "  " + quote(graph.nodeIDs[Int(graph.edgeSources[e])]) + connector
                + quote(graph.nodeIDs[Int(graph.edgeTargets[e])])
                + attributes(graph.edgeAttributes, e, extraEdgeAttributes(e)) + ";\n"
        }
        return out + "}\n"
    }
}
