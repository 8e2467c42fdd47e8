import WeakTiesGraph

/// Writes the two tables of Gephi's spreadsheet import ("Import spreadsheet"): a nodes table (`Id`,
/// `Label`, then every other node attribute) and an edges table (`Source`, `Target`, `Type`, `Id`,
/// `Weight`, then every other edge attribute). Spreadsheet-safe (`CSVWriter`: text that could start
/// a formula gets a leading `'`); numbers as written by `NumberFormat`; missing values empty.
public enum GephiCSVWriter {
    /// The nodes table. - Complexity: O(n × node attribute columns).
    public static func nodes(_ graph: Graph) -> String {
        var writer = CSVWriter()
        let columns = graph.nodeAttributes.columns.filter { $0.name != "label" }
        writer.header(["Id", "Label"] + columns.map(\.name))
        let labels = graph.nodeAttributes["label"]?.values
        for v in 0..<graph.nodeCount {
            writer.row([.text(graph.nodeIDs[v]), .text(labels?.text(at: v) ?? graph.nodeIDs[v])] + columns.map { cell($0.values, v) })
        }
        return writer.output
    }

    /// The edges table; `Weight` is the `weight` column, 1 where none is coded (Gephi's default).
    /// - Complexity: O(m × edge attribute columns).
    public static func edges(_ graph: Graph) -> String {
        var writer = CSVWriter()
        let columns = graph.edgeAttributes.columns.filter { $0.name != "weight" }
        writer.header(["Source", "Target", "Type", "Id", "Weight"] + columns.map(\.name))
        let type = graph.isDirected ? "Directed" : "Undirected"
        let weights = GraphExport.edgeWeights(graph)
        for e in 0..<graph.edgeCount {
            let w = weights[e]
            writer.row([.text(graph.nodeIDs[Int(graph.edgeSources[e])]), .text(graph.nodeIDs[Int(graph.edgeTargets[e])]),
                        .text(type), .number(String(e)), NumberFormat.cell(w)] + columns.map { cell($0.values, e) })
        }
        return writer.output
    }

    /// The path of the nodes table written beside an edges table: `study.csv` → `study-nodes.csv`.
    public static func nodesPath(forEdgesPath path: String) -> String {
        let base = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return base + "-nodes.csv"
    }

    static func cell(_ values: AttributeValues, _ i: Int) -> CSVWriter.Cell {
        switch values {
        case .string(let v): return v[i].map { .text($0) } ?? .empty
        case .double(let v): return NumberFormat.cell(v[i])
        case .int(let v): return v[i].map { .number(String($0)) } ?? .empty
        case .bool(let v): return v[i].map { .text($0 ? "true" : "false") } ?? .empty
        }
    }
}
