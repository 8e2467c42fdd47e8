import Foundation
import WeakTiesStudy

/// Reads UCINET DL files into a `NetworkData`.
///
/// Header keywords in any case and spacing (`DL N=58 NM=2`, `format = fullmatrix`, `DIAGONAL
/// PRESENT|ABSENT`), `LABELS:`/`ROW LABELS:`/`COLUMN LABELS:` (comma- or space-separated, quotes
/// for spaces), `LABELS EMBEDDED`, `LEVEL LABELS:` (names of the matrices), `DATA:`. Formats:
/// `fullmatrix` (rows may wrap over lines), `edgelist1` and `nodelist1`. Each nonzero cell is one edge
/// with its value as `weight`; a symmetric matrix gives one undirected edge per pair, any other one
/// arc per cell; likewise an edge list that lists every pair both ways with the same value (how
/// undirected data is written as an edge list) gives one undirected edge per pair. Several matrices (`NM=2`) are all read, each edge with a `relation` column (the level
/// label, else the matrix number), and folded into one set of ties (a notice says so). Two-mode data
/// (`NR`/`NC`, `fullmatrix` or `edgelist2`) gives row and column nodes (`mode`).
/// - Complexity: O(file size + N² × NM) for full matrices.
@_spi(Benchmark) public enum DLReader {
    struct Token { var text: String; var line: Int; var column: Int }

    /// - Throws: `InputOutputError` or `ImportFailure` (located: line and column).
    public static func read(path: String, file: String? = nil) throws -> NetworkData {
        let name = file ?? path
        let text = try TextLines(path: path, file: name)
        var network = NetworkData(file: name, format: "UCINET DL")
        network.diagnostics = text.notices
        var tokens: [Token] = []
        for (index, raw) in text.lines.enumerated() {
            for t in TextLines.tokens(raw, separators: [" ", "\t", ","]) {
                // `N=58` and `format=edgelist1` are split around `=`.
                if !t.quoted && t.text.contains("=") && t.text != "=" {
                    var column = t.column
                    for (i, part) in t.text.split(separator: "=", omittingEmptySubsequences: false).enumerated() {
                        if i > 0 { tokens.append(Token(text: "=", line: index + 1, column: column)); column += 1 }
                        if !part.isEmpty { tokens.append(Token(text: String(part), line: index + 1, column: column)) }
                        column += part.count
                    }
                } else {
                    tokens.append(Token(text: t.text, line: index + 1, column: t.column))
                }
            }
        }
        var position = 0
        func fail(_ message: String, _ token: Token? = nil) -> ImportFailure {
            let t = token ?? (position < tokens.count ? tokens[position] : tokens.last)
            return ImportFailure.at(name, t?.line ?? 1, t?.column, message)
        }
        func next() -> Token? {
            guard position < tokens.count else { return nil }
            defer { position += 1 }
            return tokens[position]
        }
        func keyword(_ t: Token) -> String { t.text.uppercased().trimmingCharacters(in: CharacterSet(charactersIn: ":")) }
        func value(after key: Token) throws -> Token {
            if position < tokens.count, tokens[position].text == "=" { position += 1 }
            guard let v = next() else { throw fail("\(key.text) needs a value", key) }
            return v
        }

        guard let first = next(), keyword(first) == "DL" else { throw fail("a DL file starts with 'DL'", tokens.first) }
        var n = -1, matrices = 1, rows = -1, columns = -1
        var format = "FULLMATRIX"
        var diagonal = true
        var labels: [String]?, columnLabels: [String]?, levelLabels: [String]?
        var embedded = false
        func readLabels(_ count: Int, _ what: Token) throws -> [String] {
            var out: [String] = []
            while out.count < count {
                guard let t = next() else { throw fail("expected \(count) \(what.text.lowercased()) labels, found \(out.count)", what) }
                if t.text == ":" { continue }
                out.append(t.text)
            }
            return out
        }
        header: while let t = next() {
            switch keyword(t) {
            case "N":
                guard let v = Int(try value(after: t).text), v >= 0 else { throw fail("N must be a number of nodes", tokens[position - 1]) }
                n = v
            case "NM":
                guard let v = Int(try value(after: t).text), v >= 1 else { throw fail("NM must be a number of matrices", tokens[position - 1]) }
                matrices = v
            case "NR", "NC":
                guard let v = Int(try value(after: t).text), v >= 0 else { throw fail("\(t.text) must be a number of nodes", tokens[position - 1]) }
                if keyword(t) == "NR" { rows = v } else { columns = v }
            case "FORMAT":
                format = try value(after: t).text.uppercased()
            case "DIAGONAL":
                diagonal = (next().map(keyword) ?? "PRESENT") != "ABSENT"
            case "LABELS", "ROW", "COLUMN", "LEVEL", "MATRIX":
                var kind = keyword(t)
                if kind != "LABELS" {
                    guard let l = next(), keyword(l) == "LABELS" else { throw fail("expected LABELS after \(t.text)", t) }
                    if l.text.hasSuffix(":") { kind += ":" }
                } else if t.text.hasSuffix(":") {
                    kind += ":"
                }
                if position < tokens.count, keyword(tokens[position]) == "EMBEDDED" { position += 1; embedded = true; continue }
                if position < tokens.count, tokens[position].text == ":" { position += 1; kind += ":" }
                guard n >= 0 || (rows >= 0 && columns >= 0) || kind.hasPrefix("LEVEL") || kind.hasPrefix("MATRIX") else { throw fail("labels before N", t) }
                switch kind.trimmingCharacters(in: CharacterSet(charactersIn: ":")) {
                case "LEVEL", "MATRIX": levelLabels = try readLabels(matrices, t)
                case "COLUMN": columnLabels = try readLabels(n >= 0 ? n : columns, t)
                default: labels = try readLabels(n >= 0 ? n : rows, t)
                }
            case "DATA":
                break header
            case ":":
                continue
            default:
                throw fail("unknown DL keyword '\(t.text)'", t)
            }
        }
        // Declared sizes against what the file can hold, and labels against the sizes (declared in any
        // order), before anything is allocated.
        for (key, count) in [("N", n), ("NR", rows), ("NC", columns), ("NM", matrices)] where count > text.maximumDeclaredCount {
            throw fail("\(key)=\(count) is more than this file can hold (at most \(text.maximumDeclaredCount) for a file of \(text.byteCount) bytes)", first)
        }
        // Together, too: two-mode data makes NR + NC nodes, and every matrix is a relation over them.
        let declaredNodes = n >= 0 ? n : max(rows, 0) + max(columns, 0)
        let (declaredTotal, overflow) = declaredNodes.multipliedReportingOverflow(by: max(matrices, 1))
        if overflow || declaredTotal > text.maximumDeclaredCount {
            throw fail("\(n >= 0 ? "N" : "NR + NC") × NM = \(overflow ? "more than \(Int.max)" : String(declaredTotal)) is more than this file can hold (at most \(text.maximumDeclaredCount) for a file of \(text.byteCount) bytes)", first)
        }
        let rowCount = n >= 0 ? n : rows, columnCount = n >= 0 ? n : columns
        if let labels, rowCount >= 0, labels.count != rowCount {
            throw fail("\(labels.count) labels for \(n >= 0 ? "N" : "NR")=\(rowCount) nodes", first)
        }
        if let columnLabels, columnCount >= 0, columnLabels.count != columnCount {
            throw fail("\(columnLabels.count) column labels for \(n >= 0 ? "N" : "NC")=\(columnCount) nodes", first)
        }
        if let levelLabels, levelLabels.count != matrices {
            throw fail("\(levelLabels.count) level labels for NM=\(matrices) matrices", first)
        }
        if n < 0 && rows >= 0 && columns >= 0 {
            return try twoMode(network, name: name, rows: rows, columns: columns, rowLabels: labels, columnLabels: columnLabels,
                               format: format, matrices: matrices, levelLabels: levelLabels,
                               data: Array(tokens[position...]).filter { $0.text != ":" }, first: first)
        }
        guard n >= 0 else { throw fail("the header has no N= (number of nodes)", first) }
        if let columnLabels, labels != nil, columnLabels != labels! {
            network.warn(0, "column labels differ from row labels; the row labels name the nodes")
        }
        labels = labels ?? columnLabels
        let data = Array(tokens[position...]).filter { $0.text != ":" }

        var ids: [String] = labels ?? (1...max(1, n)).prefix(n).map(String.init)
        var indexOf = [String: Int](ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        if indexOf.count < ids.count {
            network.notice(0, "labels repeat: nodes are identified by their numbers (labels kept as 'label')")
            ids = (1...max(1, n)).prefix(n).map(String.init)
            indexOf = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        }
        var edges: [(Int, Int, String, Bool, Int, Int)] = []  // a, b, value, directed, matrix, line
        func node(_ t: Token) throws -> Int {
            if embedded {
                if let i = indexOf[t.text] { return i }
                ids.append(t.text); indexOf[t.text] = ids.count - 1
                return ids.count - 1
            }
            guard let v = Int(t.text), v >= 1, v <= n else { throw fail("'\(t.text)' is not a node number from 1 to \(n)", t) }
            return v - 1
        }

        switch format {
        case "FULLMATRIX", "FM":
            var i = 0
            if embedded { i += n }  // column labels row
            try requireValues(rows: n, columns: n, matrices: matrices, skipped: diagonal ? 0 : n * matrices,
                              available: data.count, file: name, line: data.last?.line ?? tokens.last?.line ?? 1)
            for matrix in 0..<matrices {
                var cells = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
                var cellText = [[String]](repeating: [String](repeating: "", count: n), count: n)
                var lines = [Int](repeating: 0, count: n)
                for row in 0..<n {
                    if embedded { i += 1 }
                    for column in 0..<n {
                        if !diagonal && row == column { continue }
                        guard i < data.count else {
                            throw ImportFailure.at(name, data.last?.line ?? tokens.last?.line ?? 1, nil,
                                "the data ends early: matrix \(matrix + 1) needs \(n)×\(n) values, row \(row + 1) is incomplete")
                        }
                        let t = data[i]; i += 1
                        guard let v = Double(t.text) else { throw fail("'\(t.text)' is not a number", t) }
                        cells[row][column] = v; cellText[row][column] = t.text
                        if column == 0 || lines[row] == 0 { lines[row] = t.line }
                    }
                }
                var symmetric = true
                for r in 0..<n { for c in 0..<r where cells[r][c] != cells[c][r] { symmetric = false } }
                for r in 0..<n {
                    for c in 0..<n where cells[r][c] != 0 && (!symmetric || c >= r) {
                        edges.append((r, c, cellText[r][c], !symmetric, matrix, lines[r]))
                    }
                }
            }
            if i < data.count { network.warn(data[i].line, "\(data.count - i) values after the last matrix ignored") }
        case "EDGELIST1", "EL1":
            var byLine: [(Int, [Token])] = []
            for t in data {
                if let last = byLine.last, last.0 == t.line { byLine[byLine.count - 1].1.append(t) } else { byLine.append((t.line, [t])) }
            }
            var pairs: [(a: Int, b: Int, value: String, line: Int)] = []
            for (line, row) in byLine {
                if row.count == 1 && row[0].text == "!" { continue }
                guard row.count >= 2 else { throw fail("an edge list line needs two nodes", row[0]) }
                pairs.append((try node(row[0]), try node(row[1]), row.count >= 3 ? row[2].text : "1", line))
            }
            // A symmetric list — every pair also listed the other way with the same value, as UCINET
            // users write undirected data (an edge list is read as ordered pairs) and WeakTies exports
            // it — gives one undirected edge per pair, as a symmetric matrix does; any other list arcs.
            var count: [String: Int] = [:]
            func key(_ a: Int, _ b: Int, _ value: String) -> String { "\(a) \(b) \(Double(value).map { "\($0)" } ?? value)" }
            for p in pairs { count[key(p.a, p.b, p.value), default: 0] += 1 }
            let symmetric = !pairs.isEmpty && pairs.allSatisfy { $0.a == $0.b || count[key($0.b, $0.a, $0.value)] == count[key($0.a, $0.b, $0.value)] }
            for p in pairs where !symmetric || p.a <= p.b { edges.append((p.a, p.b, p.value, !symmetric, 0, p.line)) }
        case "NODELIST1", "NL1":
            var byLine: [(Int, [Token])] = []
            for t in data {
                if let last = byLine.last, last.0 == t.line { byLine[byLine.count - 1].1.append(t) } else { byLine.append((t.line, [t])) }
            }
            for (line, row) in byLine {
                let a = try node(row[0])
                for t in row.dropFirst() { edges.append((a, try node(t), "1", true, 0, line)) }
            }
        default:
            throw fail("DL format '\(format)' is not supported (fullmatrix, edgelist1 and nodelist1 are)", first)
        }

        // A label map beside the file (`study-labels.csv`, written with `weakties export`'s DL) gives
        // back the ids the labels shortened, when it covers every label.
        var mapped = false
        if let map = Self.labelMap(forDLPath: path), ids.allSatisfy({ map[$0] != nil }) {
            ids = ids.map { map[$0]! }
            mapped = true
            network.notice(0, "ids restored from \(URL(fileURLWithPath: DLWriter.labelMapPath(forDLPath: path)).lastPathComponent)")
        }
        for (i, id) in ids.enumerated() {
            network.addNode(id, line: 0)
            if !mapped, let labels, i < labels.count { network.nodeAttributes.set("label", labels[i]) }
        }
        network.isDirected = edges.allSatisfy { $0.3 } && !edges.isEmpty
        for (a, b, value, directed, matrix, line) in edges {
            network.addEdge(ids[a], ids[b], directed: directed, line: line)
            network.edgeAttributes.set("weight", value)
            if matrices > 1 { network.edgeAttributes.set("relation", levelLabels?[matrix] ?? String(matrix + 1)) }
        }
        if matrices > 1 {
            network.notice(0, "\(matrices) matrices folded into one set of ties: each nonzero cell is one mention, its matrix in 'relation'")
        }
        return network
    }

    /// Full matrices need rows × columns × matrices values (less `skipped`, an absent diagonal): refused
    /// when the data holds fewer, before any cell is allocated; the arithmetic is overflow-checked.
    static func requireValues(rows: Int, columns: Int, matrices: Int, skipped: Int = 0, available: Int,
                              file: String, line: Int) throws {
        let perMatrix = rows.multipliedReportingOverflow(by: columns)
        let needed = perMatrix.partialValue.multipliedReportingOverflow(by: matrices)
        let overflow = perMatrix.overflow || needed.overflow
        guard overflow || needed.partialValue - skipped > available else { return }
        throw ImportFailure.at(file, line, nil,
            "the data ends early: \(matrices) matri\(matrices == 1 ? "x" : "ces") of \(rows)×\(columns) need \(overflow ? "more" : String(needed.partialValue)) values, the file has \(available)")
    }

    /// Two-mode data (`NR=`, `NC=`: e.g. actors × events): rows and columns are two sets of nodes
    /// (`mode` = `row` / `column`), each nonzero cell an undirected edge between them. Column ids that
    /// repeat a row id get ` (column)` appended, with a notice. Formats: `fullmatrix`, `edgelist2`.
    static func twoMode(_ network: NetworkData, name: String, rows: Int, columns: Int, rowLabels: [String]?, columnLabels: [String]?,
                        format: String, matrices: Int, levelLabels: [String]?, data: [Token], first: Token) throws -> NetworkData {
        var network = network
        let rowIDs = rowLabels ?? (0..<rows).map { "R\($0 + 1)" }
        var columnIDs = columnLabels ?? (0..<columns).map { "C\($0 + 1)" }
        let rowSet = Set(rowIDs)
        if columnIDs.contains(where: rowSet.contains) {
            columnIDs = columnIDs.map { rowSet.contains($0) ? $0 + " (column)" : $0 }
            network.notice(0, "column labels that repeat a row label get ' (column)' appended: rows and columns are different nodes")
        }
        func fail(_ message: String, _ t: Token?) -> ImportFailure { ImportFailure.at(name, t?.line ?? 1, t?.column, message) }
        var edges: [(Int, Int, String, Int, Int)] = []  // row, column, value, matrix, line
        switch format {
        case "FULLMATRIX", "FM":
            var i = 0
            try requireValues(rows: rows, columns: columns, matrices: matrices, available: data.count, file: name,
                              line: data.last?.line ?? first.line)
            for matrix in 0..<matrices {
                for r in 0..<rows {
                    for c in 0..<columns {
                        guard i < data.count else {
                            throw ImportFailure.at(name, data.last?.line ?? first.line, nil,
                                "the data ends early: matrix \(matrix + 1) needs \(rows)×\(columns) values, row \(r + 1) is incomplete")
                        }
                        let t = data[i]; i += 1
                        guard let v = Double(t.text) else { throw fail("'\(t.text)' is not a number", t) }
                        if v != 0 { edges.append((r, c, t.text, matrix, t.line)) }
                    }
                }
            }
        case "EDGELIST2", "EL2":
            var byLine: [(Int, [Token])] = []
            for t in data {
                if let last = byLine.last, last.0 == t.line { byLine[byLine.count - 1].1.append(t) } else { byLine.append((t.line, [t])) }
            }
            for (line, row) in byLine {
                guard row.count >= 2 else { throw fail("an edge list line needs a row and a column", row[0]) }
                guard let r = Int(row[0].text), r >= 1, r <= rows else { throw fail("'\(row[0].text)' is not a row number from 1 to \(rows)", row[0]) }
                guard let c = Int(row[1].text), c >= 1, c <= columns else { throw fail("'\(row[1].text)' is not a column number from 1 to \(columns)", row[1]) }
                edges.append((r - 1, c - 1, row.count >= 3 ? row[2].text : "1", 0, line))
            }
        default:
            throw fail("two-mode DL format '\(format)' is not supported (fullmatrix and edgelist2 are)", first)
        }
        for id in rowIDs { network.addNode(id, line: 0); network.nodeAttributes.set("mode", "row") }
        for id in columnIDs { network.addNode(id, line: 0); network.nodeAttributes.set("mode", "column") }
        for (r, c, value, matrix, line) in edges {
            network.addEdge(rowIDs[r], columnIDs[c], directed: false, line: line)
            network.edgeAttributes.set("weight", value)
            if matrices > 1 { network.edgeAttributes.set("relation", levelLabels?[matrix] ?? String(matrix + 1)) }
        }
        network.notice(0, "two-mode data: \(rows) row and \(columns) column nodes, each nonzero cell a tie between them")
        return network
    }

    /// The label → id map beside a DL file, if there is one that reads (`label,id`; a cell the writer
    /// neutralised for spreadsheets, `'=…`, is read back without the `'`).
    static func labelMap(forDLPath path: String) -> [String: String]? {
        let mapPath = DLWriter.labelMapPath(forDLPath: path)
        guard FileManager.default.fileExists(atPath: mapPath), let table = try? DelimitedTableReader.read(path: mapPath),
              let l = table.header.firstIndex(of: "label"), let i = table.header.firstIndex(of: "id") else { return nil }
        func cell(_ c: Int, _ row: Int) -> String { CSVWriter.unneutralised(table.columns[c].values[Int(table.columns[c].codes[row])]) }
        var map: [String: String] = [:]
        for row in 0..<table.rowCount { map[cell(l, row)] = cell(i, row) }
        return map
    }
}
