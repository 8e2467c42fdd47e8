import Foundation
import WeakTiesStudy

/// Turns a network read from another tool's file into the ties and nodes tables of the data contract,
/// so `StudyAssembler` checks it like any spreadsheet. The rules (see Docs/Formats.md):
///
/// - Every edge is one mention. Repeated edges become several mentions of one tie; arcs are read as
///   undirected ties (the direction stays in each mention's `source` and `target`; a mixed graph gets
///   a `directed` column), with a notice.
/// - Self-loops are dropped with a located warning (a tie joins two actors).
/// - An edge with a `mentions_json` attribute (written by `weakties export`) becomes its mentions again,
///   verbatim, so export → import gives back the same study.
/// - Strength comes from a `strength` attribute where every value is a valid strength (missing values
///   are weak); without one every tie is weak (a notice says so).
/// - Other attributes are kept as columns under their names. A name that means a contract field
///   (`since`, `weight`, `kind`, …) keeps that meaning only if every value is valid for it; otherwise
///   the column is kept as text under `edge_<name>` / `node_<name>`, with a warning.
public enum NetworkTables {
    /// The ties table and (where the network lists nodes) the nodes table.
    /// - Complexity: O((n + m) × attribute columns + mentions).
    public static func tables(_ network: NetworkData) -> (ties: CodedTable, nodes: CodedTable?) {
        var diagnostics = network.diagnostics
        let nodes = network.nodeIDs.isEmpty ? nil : nodeTable(network, &diagnostics)
        let ties = tieTable(network, &diagnostics)
        var tiesTable = codedTable(file: network.file, ties.columns, lines: ties.lines, format: network.format)
        tiesTable.diagnostics = diagnostics
        return (tiesTable, nodes.map { codedTable(file: network.file, $0, lines: network.nodeLines, format: network.format) })
    }

    // MARK: Nodes

    static func nodeTable(_ network: NetworkData, _ diagnostics: inout [Diagnostic]) -> TextAttributeColumns {
        let attributes = network.nodeAttributes
        var out = TextAttributeColumns()
        var names = UniqueNames()
        _ = names.claim("id")
        let labelColumn = attributes.names.first { normalizedHeaderName($0) == "label" }
        if labelColumn != nil { _ = names.claim("label") }
        var plan: [(from: String, to: String)] = []
        var usedFields: Set<String> = ["id", "label"]
        for name in attributes.names where name != labelColumn {
            var target = name
            if let field = NodeField.field(forHeader: name) {
                let values = Set(attributes.values[attributes.names.firstIndex(of: name)!].lazy.compactMap { $0 })
                let valid: Bool
                switch field {
                case .id, .label: valid = false
                case .kind: valid = values.allSatisfy { ok(CellParser.kind(kindText($0))) }
                case .established: valid = values.allSatisfy { ok(CellParser.boolean($0, column: name)) }
                case .founded: valid = values.allSatisfy { ok(CellParser.year($0, column: name)) }
                default: valid = true
                }
                if !valid || usedFields.contains(field.rawValue) {
                    target = "node_" + name
                    if field != .id && field != .label {
                        diagnostics.append(Diagnostic(.warning, SourceLocation(file: network.file, line: 0),
                            "node attribute '\(name)' does not hold valid '\(field.rawValue)' values; kept as text column '\(target)'"))
                    }
                } else {
                    usedFields.insert(field.rawValue)
                }
            }
            plan.append((name, names.claim(target)))
        }
        let isKind = plan.map { NodeField.field(forHeader: $0.to) == .kind }
        let sources = plan.map { attributes.names.firstIndex(of: $0.from)! }
        let labelIndex = labelColumn.flatMap { attributes.names.firstIndex(of: $0) }
        for row in 0..<network.nodeIDs.count {
            out.startRow()
            out.set("id", network.nodeIDs[row])
            if let labelIndex { out.set("label", attributes.values[labelIndex][row] ?? "") }
            for (i, (_, to)) in plan.enumerated() {
                let value = attributes.values[sources[i]][row] ?? ""
                out.set(to, isKind[i] ? kindText(value) : value)
            }
        }
        if network.nodeIDs.isEmpty { out.set("id", nil) }
        return out
    }

    static func ok<T>(_ result: Result<T, ValueError>) -> Bool {
        if case .success = result { return true }
        return false
    }

    /// Our own exports write `unknown` for actors of unknown kind; the contract spells that as empty.
    static func kindText(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespaces).lowercased() == "unknown" ? "" : value
    }

    // MARK: Ties

    static func tieTable(_ network: NetworkData, _ diagnostics: inout [Diagnostic])
        -> (columns: TextAttributeColumns, lines: [Int32])
    {
        let attributes = network.edgeAttributes
        var out = TextAttributeColumns()
        var lines: [Int32] = []
        let m = network.edgeSources.count
        func warn(_ message: String, line: Int = 0) {
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: network.file, line: line), message))
        }

        // Edges written by `weakties export` carry their mentions; only the others are read from
        // their attributes, so only those decide which attributes keep their field meaning.
        var mentionRowsOf: [Int: [[(String, String)]]] = [:]
        var unreadMentions = 0
        if attributes.contains(StudyExport.mentionsAttribute) {
            for e in 0..<m {
                guard let text = attributes.value(StudyExport.mentionsAttribute, e) else { continue }
                let ends: Set = [CellParser.normalizedID(network.edgeSources[e]), CellParser.normalizedID(network.edgeTargets[e])]
                if let rows = mentionRows(text, file: network.file, ends: ends) { mentionRowsOf[e] = rows } else { unreadMentions += 1 }
            }
        }
        let fallback = (0..<m).filter { mentionRowsOf[$0] == nil }

        // Which attributes keep their field meaning.
        var names = UniqueNames()
        for fixed in ["source", "target", "strength"] { _ = names.claim(fixed) }
        var strengthColumn: String?
        var plan: [(from: String, to: String)] = []
        var usedFields: Set<TieField> = [.source, .target]
        for (c, name) in attributes.names.enumerated() where name != StudyExport.mentionsAttribute {
            let values = fallback.map { attributes.values[c][$0] }
            var target = name
            if let field = TieField.field(forHeader: name) {
                // Each distinct value is checked once (attributes repeat: strengths, years, weights).
                let distinct = Set(values.lazy.compactMap { $0 })
                func all(_ check: (String) -> Bool) -> Bool {
                    distinct.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty || check($0) }
                }
                let valid: Bool
                switch field {
                case .source, .target: valid = false
                case .strength: valid = all { ok(Strength.parse($0, strongThreshold: 3)) }
                case .weight: valid = all { ok(CellParser.weight($0, column: name)) }
                case .since: valid = all { ok(CellParser.year($0, column: name)) }
                case .initiator: valid = all { ok(Initiator.parse($0)) }
                default:
                    if let dimension = field.proximityDimension {
                        valid = all { ok(ProximityLevel.parse($0, column: dimension.columnName)) }
                    } else {
                        valid = true
                    }
                }
                if !valid || usedFields.contains(field) {
                    target = "edge_" + name
                    if field != .source && field != .target {
                        warn("edge attribute '\(name)' does not hold valid '\(field.rawValue)' values; kept as text column '\(target)'")
                    }
                } else {
                    usedFields.insert(field)
                    if field == .strength { strengthColumn = name; continue }
                }
            }
            plan.append((name, names.claim(target)))
        }
        if strengthColumn == nil && !fallback.isEmpty {
            diagnostics.append(Diagnostic(.notice, SourceLocation(file: network.file, line: 0),
                "\(network.format) has no tie strength: every tie is read as weak (add a 'strength' attribute to say otherwise)"))
        }

        // Direction.
        let directed = (0..<m).map { network.edgeDirected[$0] ?? network.isDirected }
        let arcs = directed.count { $0 }
        let mixed = arcs > 0 && arcs < m

        var loops: [Int32] = []
        var missingStrength = 0
        var normalized: [String: String] = [:]  // ids repeat across edges: normalise each once
        func normalizedID(_ id: String) -> String {
            // Plain ASCII without white space at either end is its own normal form: no lookup.
            if let first = id.utf8.first, let last = id.utf8.last, first > 0x20, last > 0x20, id.utf8.allSatisfy({ $0 < 0x80 }) { return id }
            if let n = normalized[id] { return n }
            let n = CellParser.normalizedID(id)
            normalized[id] = n
            return n
        }
        let strengthIndex = strengthColumn.flatMap { attributes.names.firstIndex(of: $0) }
        let planIndex = plan.map { attributes.names.firstIndex(of: $0.from)! }
        // Output columns by index (the default rows' columns first, in this order).
        let sourceOut = out.columnIndex("source"), targetOut = out.columnIndex("target"), strengthOut = out.columnIndex("strength")
        let directedOut = mixed ? out.columnIndex("directed") : -1
        let planOut = mentionRowsOf.count == m ? [] : plan.map { out.columnIndex($0.to) }
        out.reserveCapacity(m)
        lines.reserveCapacity(m)
        for e in 0..<m {
            let source = network.edgeSources[e], target = network.edgeTargets[e]
            if source == target || normalizedID(source) == normalizedID(target), !normalizedID(source).isEmpty {
                loops.append(network.edgeLines[e]); continue
            }
            if let rows = mentionRowsOf[e] {
                for row in rows {
                    out.startRow(); lines.append(network.edgeLines[e])
                    for (key, value) in row { out.set(key, value) }
                }
                continue
            }
            out.startRow(); lines.append(network.edgeLines[e])
            out.set(column: sourceOut, source)
            out.set(column: targetOut, target)
            var strength = strengthIndex.flatMap { attributes.values[$0][e] } ?? ""
            if strength.isEmpty || strength.allSatisfy(\.isWhitespace) {
                if strengthColumn != nil { missingStrength += 1 }
                strength = "weak"
            }
            out.set(column: strengthOut, strength)
            if mixed { out.set(column: directedOut, directed[e] ? "true" : "false") }
            for i in planOut.indices { out.set(column: planOut[i], attributes.values[planIndex[i]][e] ?? "") }
        }
        if out.rowCount == 0 { for name in ["source", "target", "strength"] { out.set(name, nil) } }
        if !loops.isEmpty {
            let shown = loops.prefix(10).map(String.init).joined(separator: ", ")
            warn("\(loops.count) self-loop\(loops.count == 1 ? "" : "s") dropped (a tie joins two actors): line\(loops.count == 1 ? "" : "s") \(shown)\(loops.count > 10 ? ", …" : "")",
                 line: Int(loops[0]))
        }
        if arcs > 0 {
            diagnostics.append(Diagnostic(.notice, SourceLocation(file: network.file, line: 0),
                "\(arcs) directed edge\(arcs == 1 ? "" : "s") read as undirected ties; each mention keeps its direction in source and target\(mixed ? " (and the 'directed' column)" : "")"))
        }
        if unreadMentions > 0 {
            warn("\(unreadMentions) edges have a '\(StudyExport.mentionsAttribute)' that is not a list of mentions of their ends; read as one mention each")
        }
        if missingStrength > 0 { warn("\(missingStrength) edges have no strength value; read as weak") }
        return (out, lines)
    }

    /// The mentions of one edge from its `mentions_json`, or `nil` where it is not a list of objects of
    /// text members naming the edge's ends.
    static func mentionRows(_ text: String, file: String, ends: Set<String>) -> [[(String, String)]]? {
        guard case .array(let items)? = try? JSONReader.parse(text, file: file), !items.isEmpty else { return nil }
        var rows: [[(String, String)]] = []
        for item in items {
            guard case .object(let members) = item else { return nil }
            var row: [(String, String)] = []
            var source: String?, target: String?
            for (key, value) in members {
                guard case .string(let cell) = value else { return nil }
                row.append((key, cell))
                if key == "source" { source = cell } else if key == "target" { target = cell }
            }
            guard let source, let target, Set([CellParser.normalizedID(source), CellParser.normalizedID(target)]) == ends else { return nil }
            rows.append(row)
        }
        return rows
    }

    /// A `CodedTable` of text columns (missing cells empty), dictionary-encoded; the format's name
    /// stands where a CSV table records its delimiter.
    static func codedTable(file: String, _ columns: TextAttributeColumns, lines: [Int32], format: String) -> CodedTable {
        @Sendable func encode(_ values: [String?]) -> TextColumn {
            var column = TextColumn()
            var codeOf: [String: Int32] = [:]
            column.codes.reserveCapacity(values.count)
            for value in values {
                let text = value ?? ""
                if let code = codeOf[text] {
                    column.codes.append(code)
                } else {
                    let code = Int32(column.values.count)
                    codeOf[text] = code
                    column.values.append(text)
                    column.codes.append(code)
                }
            }
            return column
        }
        // Columns are independent: large tables intern them on all cores (each worker writes its own slot).
        var encoded = [TextColumn](repeating: TextColumn(), count: columns.values.count)
        if lines.count >= 50_000 && encoded.count > 1 {
            encoded.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: slots.count) { c in slots[c] = encode(columns.values[c]) }
            }
        } else {
            for c in encoded.indices { encoded[c] = encode(columns.values[c]) }
        }
        var table = CodedTable(file: file, header: columns.names, headerLine: 0, columns: encoded, rowLines: lines, delimiter: format)
        table.mayBeEmpty = true
        return table
    }
}

/// Column names made unique under header matching (case, `_`, `-` and spaces), in claim order.
struct UniqueNames {
    private var used: Set<String> = []

    /// `name`, or `name_2`, `name_3`, … where it (as matched) is taken.
    mutating func claim(_ name: String) -> String {
        var candidate = name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "attribute" : name
        var n = 2
        while used.contains(normalizedHeaderName(candidate)) {
            candidate = "\(name)_\(n)"
            n += 1
        }
        used.insert(normalizedHeaderName(candidate))
        return candidate
    }
}
