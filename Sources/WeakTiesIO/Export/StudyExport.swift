import Dispatch
import WeakTiesGraph
import WeakTiesStudy

/// The graph every exporter writes: `Study.graph(provenance: true)` plus `mentions_json`, so that no
/// coded mention is lost in a format that carries text.
public enum StudyExport {
    /// Name of the edge attribute holding every mention of the tie as a JSON array of objects (one
    /// object per mention, one member per ties-table column, cells verbatim, input order). The
    /// importers expand it back into mention rows.
    public static let mentionsAttribute = "mentions_json"

    /// The study's graph with every attribute and per-tie provenance for export.
    /// - Complexity: O(n + m + mentions × columns).
    public static func graph(_ study: Study) -> Graph {
        // The mentions' JSON and the graph's own columns are independent: built on two cores, the
        // JSON column added last (as `extraEdgeAttributes` would add it).
        nonisolated(unsafe) var json: [String?] = []
        nonisolated(unsafe) var graph: Graph?
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { json = mentionsJSON(study) } else { graph = study.graph(provenance: true) }
        }
        // One value per tie by construction.
        return try! graph!.addingEdgeAttribute(AttributeColumn(name: mentionsAttribute, values: .string(json)))
    }

    /// How the study's ties were made, for the exports that can say it: the consensus rule, the
    /// strength rule and threshold, and the number of entries in the alias table applied at import.
    public static func graphData(_ study: Study) -> [(name: String, value: String)] {
        let o = study.options
        return [("consensus", o.consensus.description), ("strength_rule", o.strengthRule.rawValue),
                ("strong_threshold", NumberFormat.text(o.strongThreshold)), ("aliases", String(o.aliases.canonical.count))]
    }

    /// Per tie, its mentions as a JSON array of objects (`mentions_json`).
    /// - Complexity: O(mentions × columns + distinct cells).
    static func mentionsJSON(_ study: Study) -> [String?] {
        // Bytes, not string appends: each key and each distinct cell of a column is escaped once, so a
        // mention is a few copies.
        func escaped(_ text: String) -> [UInt8] {
            var s = ""
            JSONValue.escape(text, into: &s)
            return Array(s.utf8)
        }
        let keys: [[UInt8]] = study.mentions.columnNames.map { escaped($0) + [UInt8(ascii: ":")] }
        let cells = study.mentions.cells
        // Per column: the escaped distinct values in one arena, with offsets.
        var arenas: [[UInt8]] = []
        var offsets: [[Int]] = []
        for column in cells {
            var arena: [UInt8] = []
            var offset = [0]
            offset.reserveCapacity(column.values.count + 1)
            for value in column.values {
                arena += escaped(value)
                offset.append(arena.count)
            }
            arenas.append(arena)
            offsets.append(offset)
        }
        // With aliases applied, a mention's ends are written as the canonical ids (so the importer
        // reads it as a mention of its tie) and the spelling its coder wrote as `source_as_written` /
        // `target_as_written` where it differs.
        var ends: [(column: Int, actors: [Int32], key: [UInt8])] = []
        if !study.options.aliases.isEmpty {
            for (name, actors) in [("source", study.mentions.source), ("target", study.mentions.target)] {
                guard let c = study.mentions.column(named: name), study.mentions.column(named: name + "_as_written") == nil else { continue }
                ends.append((c, actors, Array(",".utf8) + escaped(name + "_as_written") + [UInt8(ascii: ":")]))
            }
        }
        let actorIDs = ends.isEmpty ? [] : study.actors.map { escaped($0.id) }
        var out = OutputBytes(capacity: 4096)
        let ties = study.ties
        return (0..<ties.count).map { t in
            out.removeAll()
            out.append(UInt8(ascii: "["))
            for (i, m) in ties.mentionIndices[ties.mentionOffsets[t]..<ties.mentionOffsets[t + 1]].enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "{"))
                for c in keys.indices {
                    if c > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(keys[c])
                    let code = Int(cells[c].codes[Int(m)])
                    if let end = ends.first(where: { $0.column == c }) {
                        out.append(actorIDs[Int(end.actors[Int(m)])])
                    } else {
                        arenas[c].withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[offsets[c][code]..<offsets[c][code + 1]])) }
                    }
                }
                for end in ends {
                    let written = cells[end.column].values[Int(cells[end.column].codes[Int(m)])]
                    guard CellParser.normalizedID(written) != study.actors[Int(end.actors[Int(m)])].id else { continue }
                    out.append(end.key)
                    out.append(escaped(written))
                }
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
            return String(decoding: out.bytes, as: UTF8.self)
        }
    }
}

/// The categorical colour palette shared by maps (`StudyMap`) and GEXF colours: colour-blind safe
/// (Okabe & Ito 2008, two more from Tol 2021). Values beyond the palette get `unknown`.
public enum CategoryPalette {
    /// The ten palette colours as `#RRGGBB`, in the order categories get them.
    public static let colors = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#CC79A7", "#999933", "#882255",
                                "#44AA99", "#AA4499"]
    /// Colour of a missing value or of values beyond the palette.
    public static let unknown = "#DDDDDD"

    /// One colour per node: distinct values sorted, assigned palette colours in order (as maps do).
    /// - Complexity: O(n log n).
    public static func colors(for values: [String?]) -> [String] {
        let categories = Array(Set(values.compactMap { $0 })).sorted()
        var color: [String: String] = [:]
        for (i, c) in categories.enumerated() { color[c] = i < colors.count ? colors[i] : unknown }
        return values.map { $0.flatMap { color[$0] } ?? unknown }
    }
}
