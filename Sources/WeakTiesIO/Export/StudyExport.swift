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
        // Written directly (not through JSONValue trees): one string per tie, keys escaped once.
        var keys: [String] = []
        for name in study.mentions.columnNames {
            var key = ""
            JSONValue.escape(name, into: &key)
            keys.append(key + ":")
        }
        let cells = study.mentions.cells
        let json: [String?] = (0..<study.ties.count).map { t in
            var out = "["
            for (i, m) in study.ties.mentionIndices[study.ties.mentionOffsets[t]..<study.ties.mentionOffsets[t + 1]].enumerated() {
                out += i == 0 ? "{" : ",{"
                for c in keys.indices {
                    if c > 0 { out += "," }
                    out += keys[c]
                    JSONValue.escape(cells[c][Int(m)], into: &out)
                }
                out += "}"
            }
            return out + "]"
        }
        return study.graph(provenance: true, extraEdgeAttributes: [AttributeColumn(name: mentionsAttribute, values: .string(json))])
    }
}

/// The categorical colour palette shared by maps (`StudyMap`) and GEXF colours: colour-blind safe
/// (Okabe & Ito 2008, two more from Tol 2021). Values beyond the palette get `unknown`.
public enum CategoryPalette {
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
