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
@_spi(Benchmark) public enum NetworkTables {
    /// The ties table and (where the network lists nodes) the nodes table.
    /// - Complexity: O((n + m) × attribute columns + mentions).
    public static func tables(_ network: NetworkData) -> (ties: CodedTable, nodes: CodedTable?) {
        // The two tables are independent: large networks build them on two cores.
        func part(_ i: Int) -> (table: CodedTable?, diagnostics: [Diagnostic]) {
            var diagnostics: [Diagnostic] = []
            if i == 0 {
                guard !network.nodeIDs.isEmpty else { return (nil, []) }
                let nodes = nodeTable(network, &diagnostics)
                return (codedTable(file: network.file, nodes, lines: network.nodeLines, format: network.format, encoding: network.encoding), diagnostics)
            }
            let ties = tieTable(network, &diagnostics)
            return (codedTable(file: network.file, ties.columns, lines: ties.lines, format: network.format, encoding: network.encoding), diagnostics)
        }
        let parts = network.edgeLines.count + network.nodeLines.count >= 50_000 ? Parallel.map(2, part) : [part(0), part(1)]
        var ties = parts[1].table!
        ties.diagnostics = network.diagnostics + parts[0].diagnostics + parts[1].diagnostics
        return (ties, parts[0].table)
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
                let values = usedValues(attributes, attributes.names.firstIndex(of: name)!, rows: nil)
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
        // Built column by column on the codes: each distinct value is mapped once, rows are array lookups.
        let n = network.nodeIDs.count
        if n == 0 { out.set("id", nil); return out }
        let idOut = out.columnIndex("id")
        let labelIndex = labelColumn.flatMap { attributes.names.firstIndex(of: $0) }
        let labelOut = labelIndex.map { _ in out.columnIndex("label") }
        let planOut = plan.map { out.columnIndex($0.to) }
        out.appendRows(n)
        var ids = [Int32](repeating: 0, count: n)
        out.reserveDistinct(n, column: idOut)
        for row in 0..<n { ids[row] = out.code(of: network.nodeIDs[row], column: idOut) }
        out.setCodes(column: idOut, ids)
        if let labelIndex, let labelOut { copy(attributes, labelIndex, into: &out, labelOut) }
        for (i, (from, to)) in plan.enumerated() {
            let transform: ((String) -> String)? = NodeField.field(forHeader: to) == .kind ? { kindText($0) } : nil
            copy(attributes, attributes.names.firstIndex(of: from)!, into: &out, planOut[i], transform)
        }
        return out
    }

    /// Column `c` of `from` into the (new) column `o` of `out`, missing cells as empty text, each
    /// distinct value passed through `transform` once. Without a transform the distinct values are
    /// taken over as they are (they are distinct strings already): no hashing.
    static func copy(_ from: TextAttributeColumns, _ c: Int, into out: inout TextAttributeColumns, _ o: Int,
                     _ transform: ((String) -> String)? = nil) {
        if transform == nil {
            let map = adopt(from.distinct[c], into: &out, o)
            out.setCodes(column: o, from.codes[c].map { $0 < 0 ? map[0] : $0 })
            return
        }
        let map = codeMap(from.distinct[c], into: &out, o, transform)
        out.setCodes(column: o, from.codes[c].map { map[Int($0) + 1] })
    }

    /// Makes the distinct values of an input column (and empty text) those of the new column `o`:
    /// returns the output code of a missing cell (index 0) and of each value (`1 + code`). No hashing.
    static func adopt(_ distinct: [String], into out: inout TextAttributeColumns, _ o: Int) -> [Int32] {
        // A column that has values already (an attribute called `directed` beside the column of that
        // name) maps each value.
        guard out.distinct[o].isEmpty else { return codeMap(distinct, into: &out, o) }
        var values = distinct
        let empty = Int32(values.firstIndex(of: "") ?? values.count)
        if Int(empty) == values.count { values.append("") }
        out.adopt(column: o, distinct: values)
        return [empty] + (0..<Int32(distinct.count))
    }

    /// Output codes for the distinct values of an input column: index 0 for a missing cell (empty
    /// text), `1 + code` for each value.
    static func codeMap(_ distinct: [String], into out: inout TextAttributeColumns, _ o: Int,
                        _ transform: ((String) -> String)? = nil) -> [Int32] {
        var map = [Int32](repeating: 0, count: distinct.count + 1)
        out.reserveDistinct(distinct.count + 1, column: o)
        map[0] = out.code(of: transform?("") ?? "", column: o)
        for (i, value) in distinct.enumerated() { map[i + 1] = out.code(of: transform?(value) ?? value, column: o) }
        return map
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
        let sourceCodes = network.edgeSourceCodes, targetCodes = network.edgeTargetCodes
        let endpoints = network.endpoints
        let m = sourceCodes.count
        func warn(_ message: String, line: Int = 0) {
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: network.file, line: line), message))
        }
        // Each distinct end normalised once (plain ASCII without white space at either end is its own
        // normal form), and numbered, so rows compare integers.
        var allPlain = true
        let normalized = endpoints.map { id -> String in
            if let first = id.utf8.first, let last = id.utf8.last, first > 0x20, last > 0x20, id.utf8.allSatisfy({ $0 < 0x80 }) { return id }
            allPlain = false
            return CellParser.normalizedID(id)
        }
        // The ends are distinct (as bytes at least): where all are plain ASCII, bytes tell them apart as
        // strings do and normalising changes none, so their numbers are their codes (no hashing).
        let normalCode: [Int32]
        if allPlain {
            normalCode = Array(0..<Int32(endpoints.count))
        } else {
            var normalCodeOf: [String: Int32] = [:]
            normalCodeOf.reserveCapacity(normalized.count)
            normalCode = normalized.map { n -> Int32 in
                if let c = normalCodeOf[n] { return c }
                let c = Int32(normalCodeOf.count)
                normalCodeOf[n] = c
                return c
            }
        }

        // Edges written by `weakties export` carry their mentions; only the others are read from
        // their attributes, so only those decide which attributes keep their field meaning.
        // Parsed in chunks on all cores (each edge's JSON on its own), in edge order.
        var mentionRowsOf: [[[(String, String)]]?] = []
        var mentionEdges = 0, unreadMentions = 0
        if let mc = attributes.names.firstIndex(of: StudyExport.mentionsAttribute) {
            let codes = attributes.codes[mc], distinct = attributes.distinct[mc]
            let chunk = 4096, file = network.file
            let parts = Parallel.map((m + chunk - 1) / chunk) { c -> [[[(String, String)]]?] in
                (c * chunk..<min(m, (c + 1) * chunk)).map { e in
                    guard codes[e] >= 0 else { return nil }
                    let s = Int(sourceCodes[e]), t = Int(targetCodes[e])
                    return mentionRows(distinct[Int(codes[e])], file: file, ends: (endpoints[s], endpoints[t]),
                                       normalizedEnds: (normalized[s], normalized[t])) ?? []
                }
            }
            mentionRowsOf.reserveCapacity(m)
            for rows in parts.joined() {
                // An empty list stands for an unreadable `mentions_json`: the edge is read as one mention.
                if rows?.isEmpty == true { unreadMentions += 1 }
                let readable = rows?.isEmpty == false
                if readable { mentionEdges += 1 }
                mentionRowsOf.append(readable ? rows : nil)
            }
        }
        let fallback: [Int]? = mentionEdges == 0 ? nil : (0..<m).filter { mentionRowsOf[$0] == nil }
        let fallbackCount = fallback?.count ?? m

        // Which attributes keep their field meaning.
        var names = UniqueNames()
        for fixed in ["source", "target", "strength"] { _ = names.claim(fixed) }
        var strengthColumn: String?
        var plan: [(from: String, to: String)] = []
        var usedFields: Set<TieField> = [.source, .target]
        for (c, name) in attributes.names.enumerated() where name != StudyExport.mentionsAttribute {
            var target = name
            if let field = TieField.field(forHeader: name) {
                // Each distinct value is checked once (attributes repeat: strengths, years, weights).
                let distinct = usedValues(attributes, c, rows: fallback)
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
        if strengthColumn == nil && fallbackCount > 0 {
            diagnostics.append(Diagnostic(.notice, SourceLocation(file: network.file, line: 0),
                "\(network.format) has no tie strength: every tie is read as weak (add a 'strength' attribute to say otherwise)"))
        }

        // Direction.
        let directed = (0..<m).map { network.edgeDirected[$0] ?? network.isDirected }
        let arcs = directed.count { $0 }
        let mixed = arcs > 0 && arcs < m

        var loops: [Int32] = []
        var missingStrength = 0
        // Output columns by index (the default rows' columns first, in this order), filled with codes:
        // the ends keep the network's numbering, attribute values are mapped once per distinct value.
        let sourceOut = out.columnIndex("source"), targetOut = out.columnIndex("target"), strengthOut = out.columnIndex("strength")
        let directedOut = mixed ? out.columnIndex("directed") : -1
        let planOut = mentionEdges == m ? [] : plan.map { out.columnIndex($0.to) }
        out.adopt(column: sourceOut, distinct: endpoints)
        out.adopt(column: targetOut, distinct: endpoints)
        let weak = out.code(of: "weak", column: strengthOut)
        // Per distinct strength value (index 0: missing): its output code, or -1 where blank (weak).
        var strengthMap = [Int32](repeating: -1, count: 1)
        if let strengthIndex = strengthColumn.flatMap({ attributes.names.firstIndex(of: $0) }) {
            for value in attributes.distinct[strengthIndex] {
                strengthMap.append(value.isEmpty || value.allSatisfy(\.isWhitespace) ? -1 : out.code(of: value, column: strengthOut))
            }
        }
        let strengthCodes = strengthColumn.flatMap { attributes.names.firstIndex(of: $0) }.map { attributes.codes[$0] }
        let trueCode = mixed ? out.code(of: "true", column: directedOut) : -1
        let falseCode = mixed ? out.code(of: "false", column: directedOut) : -1
        let planCodes = planOut.indices.map { attributes.codes[attributes.names.firstIndex(of: plan[$0].from)!] }
        let planMaps = planOut.indices.map { adopt(attributes.distinct[attributes.names.firstIndex(of: plan[$0].from)!], into: &out, planOut[$0]) }
        /// The default row's strength code of edge `e` (weak where it has none).
        func strengthCode(_ e: Int) -> Int32 {
            guard let strengthCodes else { return weak }
            let code = strengthMap[Int(strengthCodes[e]) + 1]
            if code < 0 { missingStrength += 1; return weak }
            return code
        }
        if mentionEdges == 0 {
            // Every edge is one row: the columns are built whole, code by code.
            var kept: [Int32] = []
            kept.reserveCapacity(m)
            for e in 0..<m {
                let s = Int(sourceCodes[e]), t = Int(targetCodes[e])
                if normalCode[s] == normalCode[t], !normalized[s].isEmpty { loops.append(network.edgeLines[e]) } else { kept.append(Int32(e)) }
            }
            out.appendRows(kept.count)
            lines = kept.map { network.edgeLines[Int($0)] }
            out.setCodes(column: sourceOut, kept.map { sourceCodes[Int($0)] })
            out.setCodes(column: targetOut, kept.map { targetCodes[Int($0)] })
            out.setCodes(column: strengthOut, kept.map { strengthCode(Int($0)) })
            if mixed { out.setCodes(column: directedOut, kept.map { directed[Int($0)] ? trueCode : falseCode }) }
            for i in planOut.indices {
                let codes = planCodes[i], map = planMaps[i]
                out.setCodes(column: planOut[i], kept.map { map[Int(codes[Int($0)]) + 1] })
            }
        } else {
            out.reserveCapacity(m)
            lines.reserveCapacity(m)
        }
        // Edges written by `weakties export`: each with its mentions as rows, the others as above.
        var keyColumns: [(key: String, column: Int)] = []
        for e in 0..<m where mentionEdges > 0 {
            let s = Int(sourceCodes[e]), t = Int(targetCodes[e])
            if normalCode[s] == normalCode[t], !normalized[s].isEmpty {
                loops.append(network.edgeLines[e]); continue
            }
            if let rows = mentionRowsOf[e] {
                for row in rows {
                    out.startRow(); lines.append(network.edgeLines[e])
                    for (k, (key, value)) in row.enumerated() {
                        // Mentions list their keys in the same order: the column of the k-th key is
                        // remembered, a string comparison instead of a hash per cell.
                        let column: Int
                        if k < keyColumns.count && keyColumns[k].key == key {
                            column = keyColumns[k].column
                        } else {
                            column = out.columnIndex(key)
                            if k < keyColumns.count { keyColumns[k] = (key, column) } else if k == keyColumns.count { keyColumns.append((key, column)) }
                        }
                        out.set(column: column, value)
                    }
                }
                continue
            }
            out.startRow(); lines.append(network.edgeLines[e])
            out.set(column: sourceOut, code: Int32(s))
            out.set(column: targetOut, code: Int32(t))
            out.set(column: strengthOut, code: strengthCode(e))
            if mixed { out.set(column: directedOut, code: directed[e] ? trueCode : falseCode) }
            for i in planOut.indices { out.set(column: planOut[i], code: planMaps[i][Int(planCodes[i][e]) + 1]) }
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

    /// The distinct values column `c` holds in `rows` (all rows where `nil`), missing cells left out.
    static func usedValues(_ columns: TextAttributeColumns, _ c: Int, rows: [Int]?) -> Set<String> {
        var used = [Bool](repeating: false, count: columns.distinct[c].count)
        let codes = columns.codes[c]
        if let rows {
            for r in rows where codes[r] >= 0 { used[Int(codes[r])] = true }
        } else {
            for code in codes where code >= 0 { used[Int(code)] = true }
        }
        var values = Set<String>()
        for (i, value) in columns.distinct[c].enumerated() where used[i] { values.insert(value) }
        return values
    }

    /// The mentions of one edge from its `mentions_json`, or `nil` where it is not a list of objects of
    /// text members naming the edge's ends.
    static func mentionRows(_ text: String, file: String, ends: (String, String), normalizedEnds: (String, String)) -> [[(String, String)]]? {
        var rows: [[(String, String)]]
        if let flat = FlatMentionJSON.rows(text) {
            rows = flat
        } else {
            guard case .array(let items)? = try? JSONReader.parse(text, file: file), !items.isEmpty else { return nil }
            rows = []
            for item in items {
                guard case .object(let members) = item else { return nil }
                var row: [(String, String)] = []
                for (key, value) in members {
                    guard case .string(let cell) = value else { return nil }
                    row.append((key, cell))
                }
                rows.append(row)
            }
        }
        guard !rows.isEmpty else { return nil }
        for row in rows {
            var source: String?, target: String?
            for (key, cell) in row {
                if key == "source" { source = cell } else if key == "target" { target = cell }
            }
            guard let source, let target else { return nil }
            // The ends as the edge names them (what our export writes), else the same after normalising.
            if !((source == ends.0 && target == ends.1) || (source == ends.1 && target == ends.0)) {
                let s = CellParser.normalizedID(source), t = CellParser.normalizedID(target)
                guard (s == normalizedEnds.0 && t == normalizedEnds.1) || (s == normalizedEnds.1 && t == normalizedEnds.0) else { return nil }
            }
        }
        return rows
    }

    /// A `CodedTable` of text columns (missing cells empty), dictionary-encoded; the format's name
    /// stands where a CSV table records its delimiter.
    static func codedTable(file: String, _ columns: TextAttributeColumns, lines: [Int32], format: String, encoding: String = "utf-8") -> CodedTable {
        // The columns are coded already: renumbered in order of first appearance (missing cells are
        // empty text), an array lookup per cell.
        @Sendable func encode(_ c: Int) -> TextColumn {
            let distinct = columns.distinct[c], codes = columns.codes[c]
            let empty = distinct.firstIndex(of: "") ?? distinct.count
            var remap = [Int32](repeating: -1, count: distinct.count + 1)
            var column = TextColumn()
            column.codes.reserveCapacity(codes.count)
            for code in codes {
                let k = code < 0 ? empty : Int(code)
                var r = remap[k]
                if r < 0 {
                    r = Int32(column.values.count)
                    remap[k] = r
                    column.values.append(k == distinct.count ? "" : distinct[k])
                }
                column.codes.append(r)
            }
            return column
        }
        // Columns are independent: large tables renumber them on all cores.
        let encoded = lines.count >= 50_000 ? Parallel.map(columns.names.count, encode) : columns.names.indices.map(encode)
        var table = CodedTable(file: file, header: columns.names, headerLine: 0, columns: encoded, rowLines: lines, encoding: encoding, delimiter: format)
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

/// The `mentions_json` our export writes, read straight from its bytes: an array of objects whose
/// members are all strings, with no escape but `\"`, `\\`, `\/`, `\n`, `\r`, `\t`. Anything else
/// (numbers, nesting, `\u` escapes, a duplicate key, white space inside tokens is fine) gives `nil`
/// and the general JSON reader decides. Measured (`weakties validate` of the GraphML export of a
/// BA n = 100,000, m = 5 tie table with 10 columns, 500k mentions, 361 MB): reading the mentions took
/// 23 % of the process's samples through the general reader's value tree, 12 % through this one;
/// the whole process 12.4–13.0 s → 11.7–11.9 s.
enum FlatMentionJSON {
    static func rows(_ text: String) -> [[(String, String)]]? {
        var text = text
        return text.withUTF8 { bytes -> [[(String, String)]]? in
            guard let base = bytes.baseAddress else { return nil }
            let n = bytes.count
            var i = 0
            @inline(__always) func skipSpace() { while i < n, base[i] == 0x20 || base[i] == 0x0A || base[i] == 0x0D || base[i] == 0x09 { i += 1 } }
            @inline(__always) func take(_ b: UInt8) -> Bool {
                skipSpace()
                guard i < n, base[i] == b else { return false }
                i += 1
                return true
            }
            var scratch: [UInt8] = []
            func string() -> String? {
                guard take(UInt8(ascii: "\"")) else { return nil }
                let start = i
                while i < n, base[i] != UInt8(ascii: "\""), base[i] != UInt8(ascii: "\\") {
                    if base[i] < 0x20 { return nil }
                    i += 1
                }
                guard i < n else { return nil }
                if base[i] == UInt8(ascii: "\"") {
                    defer { i += 1 }
                    return String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
                }
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
                while i < n {
                    let b = base[i]
                    if b == UInt8(ascii: "\"") {
                        i += 1
                        return String(decoding: scratch, as: UTF8.self)
                    }
                    if b < 0x20 { return nil }
                    if b == UInt8(ascii: "\\") {
                        guard i + 1 < n else { return nil }
                        switch base[i + 1] {
                        case UInt8(ascii: "\""): scratch.append(0x22)
                        case UInt8(ascii: "\\"): scratch.append(0x5C)
                        case UInt8(ascii: "/"): scratch.append(0x2F)
                        case UInt8(ascii: "n"): scratch.append(0x0A)
                        case UInt8(ascii: "r"): scratch.append(0x0D)
                        case UInt8(ascii: "t"): scratch.append(0x09)
                        default: return nil
                        }
                        i += 2
                    } else {
                        scratch.append(b)
                        i += 1
                    }
                }
                return nil
            }
            guard take(UInt8(ascii: "[")) else { return nil }
            var rows: [[(String, String)]] = []
            if take(UInt8(ascii: "]")) { skipSpace(); return i == n ? rows : nil }
            repeat {
                guard take(UInt8(ascii: "{")) else { return nil }
                var row: [(String, String)] = []
                if !take(UInt8(ascii: "}")) {
                    repeat {
                        guard let key = string(), take(UInt8(ascii: ":")), let value = string() else { return nil }
                        if row.contains(where: { $0.0 == key }) { return nil }
                        row.append((key, value))
                    } while take(UInt8(ascii: ","))
                    guard take(UInt8(ascii: "}")) else { return nil }
                }
                rows.append(row)
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return nil }
            skipSpace()
            return i == n ? rows : nil
        }
    }
}
