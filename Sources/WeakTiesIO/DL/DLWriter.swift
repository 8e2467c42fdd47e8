import WeakTiesGraph

/// Writes UCINET DL, `format=edgelist1` with the node ids as labels.
///
/// DL carries the node ids, the ties and one value per tie (`weight`, else 1); nothing else. Labels
/// are quoted; UCINET labels cannot hold `"` or line breaks, so `"` becomes `'` and line breaks
/// spaces. Isolates are kept (they are listed among the labels). Each undirected tie is written once.
public enum DLWriter {
    /// The DL text of `graph`. - Complexity: O(n + m).
    public static func write(_ graph: Graph) -> String {
        var out = "DL N=\(graph.nodeCount) FORMAT=EDGELIST1\nLABELS:\n"
        for id in graph.nodeIDs { out += "\"" + clean(id) + "\"\n" }
        out += "DATA:\n"
        return out + GraphExport.oneBasedWeightedEdges(graph)
    }

    static func clean(_ label: String) -> String {
        var out = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "\"": out += "'"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
