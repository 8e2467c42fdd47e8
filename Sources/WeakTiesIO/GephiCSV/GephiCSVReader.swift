import WeakTiesStudy

/// Reads Gephi's spreadsheet tables (an edges table with `Source`, `Target` and optionally `Type`,
/// `Id`, `Label`, `Weight`; a nodes table with `Id`, `Label`) into a `NetworkData`, through the CSV
/// reader (encodings, delimiters, quoting). Header names are matched case-insensitively. A leading
/// `'` that `CSVWriter` put before a formula character (`'=`, `'+`, `'-`, `'@`) is removed again.
@_spi(Benchmark) public enum GephiCSVReader {
    /// Whether a CSV header looks like a Gephi edges table: `Source`, `Target`, `Type` and `Id` (the
    /// columns Gephi writes, and a ties table of the contract does not need), or `Source`, `Target`
    /// and `Weight` without a strength column (which the contract would reject).
    public static func looksLikeGephiEdges(_ header: [String]) -> Bool {
        let names = Set(header.map(normalizedHeaderName))
        guard names.contains("source") && names.contains("target") else { return false }
        if names.contains("type") && names.contains("id") { return true }
        return names.contains("weight") && !header.contains { TieField.field(forHeader: $0) == .strength }
    }

    /// Converts the edges table (and the nodes table, if given). - Throws: `ImportFailure` (located).
    /// - Complexity: O(cells).
    public static func network(edges: CodedTable, nodes: CodedTable?) throws(ImportFailure) -> NetworkData {
        var network = NetworkData(file: edges.file, format: "Gephi CSV")
        network.diagnostics = edges.diagnostics + (nodes?.diagnostics ?? [])
        func column(_ table: CodedTable, _ name: String) -> Int? { table.header.firstIndex { normalizedHeaderName($0) == name } }
        if let nodes {
            guard let idColumn = column(nodes, "id") else {
                throw ImportFailure.at(nodes.file, nodes.headerLine, nil, "the Gephi nodes table has no 'Id' column")
            }
            for row in 0..<nodes.rowCount {
                network.addNode(unneutralised(nodes.columns[idColumn][row]), line: Int(nodes.rowLines[row]))
                for (c, name) in nodes.header.enumerated() where c != idColumn {
                    network.nodeAttributes.set(normalizedHeaderName(name) == "label" ? "label" : name, unneutralised(nodes.columns[c][row]))
                }
            }
        }
        guard let s = column(edges, "source"), let t = column(edges, "target") else {
            throw ImportFailure.at(edges.file, edges.headerLine, nil, "the Gephi edges table needs 'Source' and 'Target' columns")
        }
        let typeColumn = column(edges, "type")
        for row in 0..<edges.rowCount {
            let type = typeColumn.map { edges.columns[$0][row].lowercased() }
            let directed: Bool? = switch type { case "directed"?: true; case "undirected"?, "mutual"?: false; default: nil }
            network.addEdge(unneutralised(edges.columns[s][row]), unneutralised(edges.columns[t][row]), directed: directed,
                            line: Int(edges.rowLines[row]))
            for (c, name) in edges.header.enumerated() where c != s && c != t && c != typeColumn {
                let key = normalizedHeaderName(name) == "weight" ? "weight" : name
                let value = unneutralised(edges.columns[c][row])
                network.edgeAttributes.set(key, value.isEmpty ? nil : value)
            }
        }
        network.isDirected = typeColumn == nil
        return network
    }

    /// Removes the `'` that `CSVWriter` adds before a formula character.
    static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.unicodeScalars.dropFirst().first, ["=", "+", "-", "@", "\t", "\r"].contains(next) else { return cell }
        return String(cell.dropFirst())
    }
}
