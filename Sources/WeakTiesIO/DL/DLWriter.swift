import WeakTiesGraph

/// Writes UCINET DL, `format=edgelist1` with the node ids as labels.
///
/// DL carries the node ids, the ties and one value per tie (`EdgeValue`: strength 2/1 by default, the
/// coded weight or the mention count); nothing else. Labels are quoted; UCINET labels cannot hold `"`
/// or line breaks, so `"` becomes `'` and line breaks spaces. Isolates are kept (they are listed among
/// the labels). An edge list is read by UCINET as ordered pairs, so each undirected tie is written in
/// both directions (the matrix UCINET builds is then symmetric); a directed graph's arcs once.
public enum DLWriter {
    /// The DL text of `graph`. - Complexity: O(n + m).
    public static func write(_ graph: Graph, value: EdgeValue = .strength) -> String {
        var out = "DL N=\(graph.nodeCount) FORMAT=EDGELIST1\nLABELS:\n"
        for id in graph.nodeIDs { out += "\"" + clean(id) + "\"\n" }
        out += "DATA:\n"
        return out + GraphExport.oneBasedValuedEdges(graph, value: value, bothWays: true)
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
