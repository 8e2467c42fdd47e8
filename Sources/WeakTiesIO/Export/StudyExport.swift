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
        let names = study.mentions.columnNames
        let json: [String?] = (0..<study.ties.count).map { t in
            let rows = study.mentionCells(ofTie: t)
            return JSONValue.array(rows.map { cells in .object(zip(names, cells).map { ($0, .string($1)) }) }).serialized()
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
