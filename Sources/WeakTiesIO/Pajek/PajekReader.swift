import WeakTiesStudy

/// Reads Pajek `.net` and `.paj` files into a `NetworkData`.
///
/// Sections are case-insensitive (`*Vertices`, `*Arcs`, `*Edges`, `*Arcslist`, `*Edgeslist`,
/// `*Matrix`; `*Network` names are skipped; a relation number and name after `*Arcs :2 "name"` go
/// into a `relation` column). Vertex lines: number, label, coordinates (`x`, `y`, `z`, wherever they
/// stand among the drawing parameters, e.g. after `ic`), a shape and `key value` parameters, all kept
/// as attributes. Edge lines: ends, an optional value (`weight`) and drawing parameters (kept, `l` as
/// `label`). Node ids are the labels where every vertex has a distinct label, else the numbers.
/// Anything after the first network in a `.paj` project (partitions, vectors, more networks) is
/// skipped with a notice. Comments (`%`), blank lines, BOM, CRLF are fine.
/// - Complexity: O(file size).
@_spi(Benchmark) public enum PajekReader {
    static let shapes: Set<String> = ["ellipse", "box", "diamond", "triangle", "cross", "empty", "circle", "square"]

    /// - Throws: `InputOutputError` or `ImportFailure` (located: line and column).
    public static func read(path: String, file: String? = nil) throws -> NetworkData {
        let name = file ?? path
        let text = try TextLines(path: path, file: name)
        var network = NetworkData(file: name, format: "Pajek")
        network.diagnostics = text.notices
        var vertexCount = -1
        var labels: [String?] = []
        var vertexLines: [Int] = []
        var vertexAttributes: [[(String, String)]] = []
        enum Section { case none, vertices, arcs, edges, arcsList, edgesList, matrix }
        var section = Section.none
        var relation: String?
        var matrixRow = 0
        var networks = 0
        var edges: [(Int, Int, Bool, [(String, String)], Int)] = []

        func number(_ token: (text: String, column: Int, quoted: Bool), _ line: Int, what: String) throws -> Int {
            guard let v = Int(token.text), v >= 1, v <= vertexCount else {
                throw ImportFailure.at(name, line, token.column, "\(what) '\(token.text)' is not a vertex number from 1 to \(vertexCount)")
            }
            return v
        }

        lines: for (index, raw) in text.lines.enumerated() {
            let line = index + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("%") { continue }
            if trimmed.hasPrefix("*") {
                let tokens = TextLines.tokens(Substring(trimmed))
                let keyword = tokens[0].text.lowercased()
                switch keyword {
                case "*network":
                    networks += 1
                    if networks > 1 || vertexCount >= 0 {
                        network.notice(line, "only the first network of the file is read; this one and what follows are skipped")
                        break lines
                    }
                    continue
                case "*vertices":
                    if vertexCount >= 0 {
                        network.notice(line, "only the first network of the file is read; this one and what follows are skipped")
                        break lines
                    }
                    guard tokens.count >= 2, let n = Int(tokens[1].text), n >= 0 else {
                        throw ImportFailure.at(name, line, tokens.count >= 2 ? tokens[1].column : nil, "*Vertices needs the number of vertices")
                    }
                    guard n <= text.maximumDeclaredCount else {
                        throw ImportFailure.at(name, line, tokens[1].column,
                            "*Vertices \(n) is more than this file can hold (at most \(text.maximumDeclaredCount) for a file of \(text.byteCount) bytes)")
                    }
                    vertexCount = n
                    labels = [String?](repeating: nil, count: n)
                    vertexLines = [Int](repeating: line, count: n)
                    vertexAttributes = [[(String, String)]](repeating: [], count: n)
                    section = .vertices
                    continue
                case "*arcs", "*edges", "*arcslist", "*edgeslist", "*matrix":
                    guard vertexCount >= 0 else { throw ImportFailure.at(name, line, 1, "\(tokens[0].text) before *Vertices") }
                    section = ["*arcs": .arcs, "*edges": .edges, "*arcslist": .arcsList, "*edgeslist": .edgesList][keyword] ?? .matrix
                    relation = tokens.count >= 2 && tokens[1].text.hasPrefix(":")
                        ? (tokens.count >= 3 ? tokens[2].text : String(tokens[1].text.dropFirst())) : nil
                    matrixRow = 0
                    continue
                default:
                    network.notice(line, "section \(tokens[0].text) and what follows are not part of the network; skipped")
                    break lines
                }
            }
            let tokens = TextLines.tokens(raw)
            switch section {
            case .none:
                throw ImportFailure.at(name, line, 1, "expected *Vertices before data")
            case .vertices:
                let v = try number(tokens[0], line, what: "vertex")
                vertexLines[v - 1] = line
                var rest = tokens.dropFirst()
                if let label = rest.first { labels[v - 1] = label.text; rest = rest.dropFirst() }
                var coordinates = 0
                var attributes: [(String, String)] = []
                var i = rest.startIndex
                while i < rest.endIndex {
                    let token = rest[i]
                    if !token.quoted, Double(token.text) != nil, coordinates < 3 {
                        attributes.append((["x", "y", "z"][coordinates], token.text)); coordinates += 1
                    } else if !token.quoted, shapes.contains(token.text.lowercased()) {
                        attributes.append(("shape", token.text))
                    } else if i + 1 < rest.endIndex {
                        let key = ["x", "y", "z", "shape", "label", "id"].contains(token.text) ? "param_" + token.text : token.text
                        attributes.append((key, rest[i + 1].text)); i += 1
                    } else {
                        attributes.append(("param_" + token.text, ""))
                    }
                    i += 1
                }
                vertexAttributes[v - 1] = attributes
            case .arcs, .edges:
                guard tokens.count >= 2 else { throw ImportFailure.at(name, line, tokens.first?.column, "an edge line needs two vertex numbers") }
                let a = try number(tokens[0], line, what: "vertex"), b = try number(tokens[1], line, what: "vertex")
                var attributes: [(String, String)] = []
                var rest = tokens.dropFirst(2)
                if let w = rest.first, !w.quoted, Double(w.text) != nil { attributes.append(("weight", w.text)); rest = rest.dropFirst() }
                var i = rest.startIndex
                while i < rest.endIndex {
                    let key = rest[i].text == "l" ? "label" : (rest[i].text == "weight" ? "param_weight" : rest[i].text)
                    attributes.append((key, i + 1 < rest.endIndex ? rest[i + 1].text : "")); i += 2
                }
                if let relation { attributes.append(("relation", relation)) }
                edges.append((a, b, section == .arcs, attributes, line))
            case .arcsList, .edgesList:
                let a = try number(tokens[0], line, what: "vertex")
                for token in tokens.dropFirst() {
                    let b = try number(token, line, what: "vertex")
                    edges.append((a, b, section == .arcsList, relation.map { [("relation", $0)] } ?? [], line))
                }
            case .matrix:
                matrixRow += 1
                guard matrixRow <= vertexCount else { throw ImportFailure.at(name, line, 1, "more matrix rows than vertices (\(vertexCount))") }
                for (j, token) in tokens.enumerated() {
                    guard let value = Double(token.text) else { throw ImportFailure.at(name, line, token.column, "'\(token.text)' is not a number") }
                    guard j < vertexCount else { throw ImportFailure.at(name, line, token.column, "more matrix columns than vertices (\(vertexCount))") }
                    if value != 0 {
                        edges.append((matrixRow, j + 1, true, [("weight", token.text)] + (relation.map { [("relation", $0)] } ?? []), line))
                    }
                }
            }
        }
        guard vertexCount >= 0 else { throw ImportFailure.at(name, max(1, text.lines.count - (text.lines.last?.isEmpty == true ? 1 : 0)), nil, "no *Vertices section: not a Pajek network") }

        // Ids: the labels where they identify the vertices, else the numbers.
        let named = labels.map { $0.map { CellParser.normalizedID($0) } ?? "" }
        let useLabels = !named.contains("") && Set(named).count == named.count
        if !useLabels && vertexCount > 0 {
            network.notice(0, "vertex labels are missing or repeated: vertices are identified by their numbers (labels kept as 'label')")
        }
        let ids = (0..<vertexCount).map { useLabels ? labels[$0]! : String($0 + 1) }
        for v in 0..<vertexCount {
            network.addNode(ids[v], line: vertexLines[v])
            network.nodeAttributes.set("label", labels[v] ?? String(v + 1))
            if useLabels { network.nodeAttributes.set("pajek_number", String(v + 1)) }
            for (key, value) in vertexAttributes[v] { network.nodeAttributes.set(key, value) }
        }
        network.isDirected = !edges.isEmpty && edges.allSatisfy { $0.2 }
        for (a, b, directed, attributes, line) in edges {
            network.addEdge(ids[a - 1], ids[b - 1], directed: directed, line: line)
            for (key, value) in attributes { network.edgeAttributes.set(key, value) }
        }
        return network
    }
}
